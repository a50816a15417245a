"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type Event = { type: "progress"; done: number; total: number } | { type: "done" } | { type: "error"; error: { message: string } };

// Calculates through the API with streamed progress (as the CSV import does), then reloads the page.
export function CalculateButton({ runId, label }: { runId: string; label: string }) {
  const router = useRouter();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isRunning, setRunning] = useState(false);

  async function calculate() {
    setRunning(true);
    setError(null);
    try {
      // JSON, as the API's cross-site guard asks of every cookie-authenticated change.
      const response = await fetch(`/api/v1/payroll/runs/${runId}/calculate`, {
        method: "POST",
        headers: { accept: "application/x-ndjson", "content-type": "application/json" },
        body: "{}",
      });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        setError(body?.error?.message ?? "The calculation could not start.");
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as Event;
          if (event.type === "progress") setProgress({ done: event.done, total: event.total });
          if (event.type === "error") setError(event.error.message);
        }
      }
      router.refresh();
    } catch {
      setError("The connection was lost; calculate again to carry on where it stopped.");
    } finally {
      setRunning(false);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="flex flex-col gap-2">
      <Button onClick={calculate} disabled={isRunning} data-testid="calculate-run">
        {isRunning ? "Calculating…" : label}
      </Button>
      {isRunning && progress && (
        <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Calculation progress" className="w-64">
          <div className="h-2 overflow-hidden rounded-full bg-slate-200">
            <div className="h-2 bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {progress.done.toLocaleString("en-GB")} of {progress.total.toLocaleString("en-GB")} employees
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
