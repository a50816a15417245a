"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { createRunAction } from "./actions";

export function NewRunForm({ schedules, defaultMonth }: { schedules: { id: string; name: string }[]; defaultMonth: string }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(createRunAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="new-run-form">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Pay schedule
        <select
          name="scheduleId"
          defaultValue={state?.values?.scheduleId ?? schedules[0]?.id}
          className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm"
        >
          {schedules.map((schedule) => (
            <option key={schedule.id} value={schedule.id}>
              {schedule.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Month
        <input
          type="month"
          name="month"
          defaultValue={state?.values?.month ?? defaultMonth}
          className="h-10 rounded-md border border-slate-300 px-3 text-sm"
          required
        />
      </label>
      <Button type="submit" disabled={isPending || schedules.length === 0}>
        {isPending ? "Creating…" : "New run"}
      </Button>
      {state?.message && !state.ok && (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.message} {Object.values(state.fields ?? {}).join(" ")}
        </p>
      )}
    </form>
  );
}
