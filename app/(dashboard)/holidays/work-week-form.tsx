"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { WEEKDAYS } from "@/lib/holidays/validations";
import type { FormState } from "@/lib/forms";
import { saveWorkWeekAction } from "./actions";
import { SubmitButton } from "@/components/ui/button";

export function WorkWeekForm({ days }: { days: number[] }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(saveWorkWeekAction, null);
  // After a refused save, show what was ticked; otherwise what is saved.
  const checked = state?.ok === false && state.values?.days !== undefined ? state.values.days.split(",").filter(Boolean).map(Number) : days;
  const error = state?.fields?.days;
  return (
    <form action={action} className="flex flex-col gap-3" aria-label="Work week">
      <fieldset aria-describedby={error ? "work-week-error" : "work-week-hint"} aria-invalid={error ? true : undefined}>
        <legend className="text-sm font-medium text-slate-700">Working days</legend>
        <div key={checked.join(",")} className="mt-2 flex flex-wrap gap-2">
          {WEEKDAYS.map((weekday) => (
            <label
              key={weekday.day}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500"
            >
              <input
                type="checkbox"
                name="days"
                value={weekday.day}
                defaultChecked={checked.includes(weekday.day)}
                className="size-4 rounded border-slate-300"
              />
              <abbr title={weekday.long} className="no-underline">
                {weekday.short}
              </abbr>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p id="work-week-error" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : (
        <p id="work-week-hint" className="text-xs text-slate-500">
          Leave is counted on working days only. Changing them changes what future requests cost, not those already decided.
        </p>
      )}
      {state?.ok && <FormMessage state={state} />}
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Saving…" size="sm">
          Save work week
        </SubmitButton>
      </div>
    </form>
  );
}
