"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { ImportPreview, ImportProgress as ServerProgress, ImportResult } from "@/lib/csv/import-employees";
import { FileMessages, PreviewSummary, PreviewTable } from "./import-preview";
import { ImportProgress, type ProgressStep } from "./import-progress";
import { errorMessage, uploadCsv } from "./upload-csv";

type Stage =
  | { kind: "idle"; error?: string }
  | { kind: "checking"; file: File; step: "upload" | "check"; fraction: number | null }
  | { kind: "preview"; file: File; preview: ImportPreview; error?: string }
  | { kind: "importing"; file: File; preview: ImportPreview; step: "upload" | "validate" | "write"; fraction: number | null; done: number; total: number }
  | { kind: "done"; file: File; result: ImportResult };

type StreamEvent =
  | ({ type: "progress" } & ServerProgress)
  | { type: "done"; result: ImportResult }
  | { type: "invalid"; message: string; preview: ImportPreview }
  | { type: "error"; status: number; error: { message: string } };

const CHECK_STEPS: ProgressStep[] = [
  { key: "upload", label: "Upload" },
  { key: "check", label: "Check rows" },
];
const IMPORT_STEPS: ProgressStep[] = [
  { key: "upload", label: "Upload" },
  { key: "validate", label: "Check again" },
  { key: "write", label: "Save rows" },
];

const PREVIEW_URL = "/api/employees/import?mode=preview";
const COMMIT_URL = "/api/employees/import?mode=commit";
const count = (n: number) => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// Choose a file → see what every row would do → import it. Nothing is saved before the last step,
// and the server checks the whole file again then, so a stale preview cannot slip through.
export function ImportWizard({ maxBytes, maxRows }: { maxBytes: number; maxRows: number }) {
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [isDragging, setIsDragging] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Leaving mid-import would not stop it, but the person would not learn how it ended.
  useEffect(() => {
    if (stage.kind !== "importing") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [stage.kind]);

  useEffect(() => {
    if (stage.kind === "preview" || stage.kind === "done") heading.current?.focus();
  }, [stage.kind]);

  function reset() {
    abort.current?.abort();
    setIsConfirming(false);
    setStage({ kind: "idle" });
  }

  async function check(file: File) {
    if (file.size > maxBytes)
      return setStage({ kind: "idle", error: `${file.name} is ${sizeLabel(file.size)}; the limit is ${sizeLabel(maxBytes)}. Split it into smaller files.` });
    if (file.size === 0) return setStage({ kind: "idle", error: `${file.name} is empty.` });
    abort.current = new AbortController();
    setIsConfirming(false);
    setStage({ kind: "checking", file, step: "upload", fraction: 0 });
    try {
      const response = await uploadCsv(PREVIEW_URL, file, {
        signal: abort.current.signal,
        onUploadProgress: (fraction) => setStage({ kind: "checking", file, step: "upload", fraction }),
        onUploaded: () => setStage({ kind: "checking", file, step: "check", fraction: null }),
      });
      if (response.status === 200 && response.isJson) setStage({ kind: "preview", file, preview: response.body as ImportPreview });
      else setStage({ kind: "idle", error: errorMessage(response) });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      setStage({ kind: "idle", error: error instanceof Error ? error.message : "The file could not be checked." });
    }
  }

  async function commit(file: File, preview: ImportPreview) {
    setIsConfirming(false);
    // Set by the stream's last event; the response itself only says the stream ended.
    const ending: { stage: Stage | null } = { stage: null };
    const importing = (changes: Partial<Extract<Stage, { kind: "importing" }>>) =>
      setStage(
        (current) =>
          ({
            ...(current.kind === "importing" ? current : { kind: "importing", file, preview, step: "upload", fraction: 0, done: 0, total: 0 }),
            ...changes,
          }) as Stage,
      );
    importing({ step: "upload", fraction: 0 });
    try {
      const response = await uploadCsv(COMMIT_URL, file, {
        accept: "application/x-ndjson",
        onUploadProgress: (fraction) => importing({ step: "upload", fraction }),
        onUploaded: () => importing({ step: "validate", fraction: null }),
        onLine: (line) => {
          const event = line as StreamEvent;
          if (event.type === "progress") {
            importing(
              event.phase === "validating"
                ? { step: "validate", fraction: null }
                : { step: "write", fraction: event.total ? event.done / event.total : 1, done: event.done, total: event.total },
            );
          } else if (event.type === "done") ending.stage = { kind: "done", file, result: event.result };
          else if (event.type === "invalid")
            ending.stage = { kind: "preview", file, preview: event.preview, error: `${event.message} Something changed in the directory since the preview.` };
          else if (event.type === "error") ending.stage = { kind: "preview", file, preview, error: event.error.message };
        },
      });
      setStage(
        ending.stage ?? {
          kind: "preview",
          file,
          preview,
          error:
            response.status === 200
              ? "The import ended without a result. Check the directory, then import the file again if needed: saved rows will be skipped."
              : errorMessage(response),
        },
      );
    } catch (error) {
      setStage({ kind: "preview", file, preview, error: error instanceof Error ? error.message : "The import could not be completed." });
    }
  }

  if (stage.kind === "checking") {
    return (
      <ImportProgress
        title={`Checking ${stage.file.name}`}
        steps={CHECK_STEPS}
        current={stage.step}
        fraction={stage.fraction}
        detail={
          stage.step === "upload"
            ? `Uploading ${sizeLabel(stage.file.size)}… ${Math.round((stage.fraction ?? 0) * 100)}%`
            : "Checking every row against the directory…"
        }
        onCancel={reset}
      />
    );
  }

  if (stage.kind === "importing") {
    const detail =
      stage.step === "upload"
        ? `Uploading… ${Math.round((stage.fraction ?? 0) * 100)}%`
        : stage.step === "validate"
          ? "Checking the file again before saving…"
          : `Saved ${count(stage.done)} of ${plural(stage.total, "row", "rows")}. Keep this page open until the import finishes.`;
    return <ImportProgress title={`Importing ${stage.file.name}`} steps={IMPORT_STEPS} current={stage.step} fraction={stage.fraction} detail={detail} />;
  }

  if (stage.kind === "done") {
    const { created, updated, skipped } = stage.result;
    return (
      <section role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 p-6" data-testid="import-done">
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold text-emerald-900 focus:outline-none">
          Import complete
        </h2>
        <p className="mt-1 text-sm text-emerald-900">
          {plural(created, "employee", "employees")} created, {count(updated)} updated, {count(skipped)} unchanged.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link href="/employees" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
            Go to the directory
          </Link>
          <button
            type="button"
            onClick={reset}
            className="rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Import another file
          </button>
        </div>
      </section>
    );
  }

  if (stage.kind === "preview") {
    const { preview, file } = stage;
    const changes = preview.summary.create + preview.summary.update;
    return (
      <div className="flex flex-col gap-4">
        <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 ref={heading} tabIndex={-1} className="text-base font-semibold focus:outline-none">
              Preview of {file.name}
            </h2>
            <p className="mt-1 text-sm text-slate-600" data-testid="import-verdict">
              {!preview.isValid
                ? "Fix the problems below in your spreadsheet, then upload the file again. Nothing has been imported."
                : changes === 0
                  ? "Every row already matches the directory: there is nothing to import."
                  : `Ready: ${plural(preview.summary.create, "new employee", "new employees")}, ${plural(preview.summary.update, "update", "updates")}${preview.summary.skip ? `, ${count(preview.summary.skip)} unchanged rows skipped` : ""}. Nothing is saved until you import.`}
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-2">
            <button type="button" onClick={reset} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
              Choose another file
            </button>
            {isConfirming ? null : (
              <button
                type="button"
                disabled={!preview.isValid || changes === 0}
                onClick={() => (preview.summary.update > 0 ? setIsConfirming(true) : commit(file, preview))}
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
                data-testid="import-commit"
              >
                Import {plural(changes, "row", "rows")}
              </button>
            )}
          </div>
        </section>

        {isConfirming && (
          <section
            role="alertdialog"
            aria-labelledby="confirm-title"
            aria-describedby="confirm-text"
            className="rounded-xl border border-amber-200 bg-amber-50 p-5"
          >
            <h3 id="confirm-title" className="font-semibold text-amber-900">
              Update {plural(preview.summary.update, "existing employee", "existing employees")}?
            </h3>
            <p id="confirm-text" className="mt-1 text-sm text-amber-900">
              The values tinted amber in the preview replace what the directory holds now. Every change is recorded in the audit log.
              {preview.summary.create > 0 && ` ${plural(preview.summary.create, "new employee is", "new employees are")} also created.`}
            </p>
            <div className="mt-3 flex gap-2">
              <button
                type="button"
                autoFocus
                onClick={() => commit(file, preview)}
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
                data-testid="import-confirm"
              >
                Yes, import {plural(changes, "row", "rows")}
              </button>
              <button
                type="button"
                onClick={() => setIsConfirming(false)}
                className="rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
              >
                Cancel
              </button>
            </div>
          </section>
        )}

        {stage.error && (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="import-error">
            {stage.error}
          </p>
        )}
        <FileMessages preview={preview} />
        {preview.rows.length > 0 && <PreviewSummary preview={preview} />}
        <PreviewTable key={`${file.name}-${file.lastModified}-${preview.summary.invalid}`} preview={preview} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <label
        htmlFor="employee-csv"
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setIsDragging(false);
          const file = event.dataTransfer.files[0];
          if (file) void check(file);
        }}
        className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-14 text-center shadow-sm focus-within:ring-2 focus-within:ring-brand-500/40 ${isDragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:border-brand-500"}`}
        data-testid="import-dropzone"
      >
        <span aria-hidden className="pointer-events-none grid size-10 place-items-center rounded-full bg-brand-100 text-lg text-brand-700">
          ↑
        </span>
        <span className="pointer-events-none text-base font-medium text-slate-900">
          Drop a CSV file here, or <span className="text-brand-600 underline">choose a file</span>
        </span>
        <span className="pointer-events-none text-sm text-slate-500">
          UTF-8 CSV, up to {sizeLabel(maxBytes)} and {count(maxRows)} rows. You will see every row before anything is saved.
        </span>
        <input
          id="employee-csv"
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          aria-describedby={stage.error ? "employee-csv-error" : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void check(file);
          }}
        />
      </label>
      {stage.error && (
        <p id="employee-csv-error" role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="import-error">
          {stage.error}
        </p>
      )}
    </div>
  );
}
