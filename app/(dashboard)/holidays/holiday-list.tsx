"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { HolidayRow } from "@/lib/holidays/list-holidays";
import type { FormState } from "@/lib/forms";
import { createHolidayAction, deleteHolidayAction, updateHolidayAction } from "./actions";
import { HolidayFields } from "./holiday-fields";
import { formatDay } from "@/lib/format";
import { Button, SubmitButton } from "@/components/ui/button";
import { RecordRefInputs } from "@/components/forms/record-ref-inputs";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { year: number; holidays: HolidayRow[]; workWeek: number[]; canEdit: boolean };

const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

// Runs a server action and tells the list when it succeeded, so the list can say so even after
// the row that did it has gone (a deleted holiday) or closed (a saved edit).
function useReportingAction(action: (previous: FormState, form: FormData) => Promise<FormState>, onSuccess: (message: string) => void) {
  return useActionState<FormState, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result?.ok && result.message) onSuccess(result.message);
    return result;
  }, null);
}

function AddHolidayForm({ year, onSuccess }: { year: number; onSuccess: (message: string) => void }) {
  const [state, action, isPending] = useReportingAction(createHolidayAction, onSuccess);
  const values = { date: state?.values?.date ?? "", name: state?.values?.name ?? "", isHalfDay: state?.values?.isHalfDay === "on" };
  return (
    <form action={action} className="flex flex-col gap-3 border-b border-slate-200 p-4" noValidate aria-label="Add a holiday" data-testid="add-holiday">
      {state?.ok === false && <FormMessage state={state} />}
      {/* Keyed by the last result so the fields show what was typed after an error and clear after a success. */}
      <HolidayFields key={JSON.stringify(state?.values ?? year)} values={values} errors={state?.fields ?? {}} />
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Adding…" size="sm">
          Add holiday
        </SubmitButton>
      </div>
    </form>
  );
}

function EditHolidayForm({ holiday, onCancel, onSuccess }: { holiday: HolidayRow; onCancel: () => void; onSuccess: (message: string) => void }) {
  const [state, action, isPending] = useReportingAction(updateHolidayAction, onSuccess);
  const values = state?.values ? { date: state.values.date ?? "", name: state.values.name ?? "", isHalfDay: state.values.isHalfDay === "on" } : holiday;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label={`Edit ${holiday.name}`}>
      <RecordRefInputs record={holiday} />
      {state?.ok === false && <FormMessage state={state} />}
      <HolidayFields key={JSON.stringify(state?.values ?? null)} values={values} errors={state?.fields ?? {}} autoFocus />
      <div className="flex flex-wrap gap-2">
        <SubmitButton isPending={isPending} pendingLabel="Saving…" size="sm">
          Save
        </SubmitButton>
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function DeleteHoliday({ holiday, onSuccess }: { holiday: HolidayRow; onSuccess: (message: string) => void }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [state, action, isPending] = useReportingAction(deleteHolidayAction, onSuccess);
  if (!isConfirming) {
    return (
      <button
        type="button"
        onClick={() => setIsConfirming(true)}
        className="text-sm font-medium text-rose-700 hover:underline"
        aria-label={`Delete ${holiday.name}`}
      >
        Delete
      </button>
    );
  }
  return (
    <form action={action} role="group" aria-label={`Confirm deleting ${holiday.name}`} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="id" value={holiday.id} />
      <input type="hidden" name="name" value={holiday.name} />
      <span className="text-sm text-slate-700">Delete {holiday.name}?</span>
      <SubmitButton isPending={isPending} pendingLabel="Deleting…" size="sm" variant="danger" autoFocus data-testid="confirm-delete-holiday">
        Delete
      </SubmitButton>
      <Button size="sm" variant="secondary" onClick={() => setIsConfirming(false)}>
        Keep
      </Button>
      {state?.ok === false && (
        <p role="alert" className="w-full text-right text-xs font-medium text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

function HolidayItem({
  holiday,
  workWeek,
  canEdit,
  onSuccess,
}: {
  holiday: HolidayRow;
  workWeek: number[];
  canEdit: boolean;
  onSuccess: (message: string) => void;
}) {
  // Editing is tied to the version opened: once the save lands, the row has a new version and closes.
  const [editingVersion, setEditingVersion] = useState<number | null>(null);
  const isOnWorkingDay = workWeek.includes(isoWeekday(holiday.date));
  if (editingVersion === holiday.version) {
    return (
      <li className="bg-slate-50 p-4">
        <EditHolidayForm holiday={holiday} onCancel={() => setEditingVersion(null)} onSuccess={onSuccess} />
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="holiday-row">
      <span className="w-28 shrink-0 font-medium text-slate-900 tabular-nums">{formatDay(new Date(`${holiday.date}T00:00:00Z`))}</span>
      <span className="min-w-0 flex-1">
        <span className="text-slate-900" data-testid="holiday-name">
          {holiday.name}
        </span>
        {holiday.isHalfDay && (
          <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20">Half day</span>
        )}
        {!isOnWorkingDay && <span className="ml-2 text-xs text-slate-500">not a working day: costs no leave</span>}
      </span>
      {canEdit && (
        <span className="flex items-center gap-4">
          <button
            type="button"
            onClick={() => setEditingVersion(holiday.version)}
            className="text-sm font-medium text-brand-700 hover:underline"
            aria-label={`Edit ${holiday.name}`}
          >
            Edit
          </button>
          <DeleteHoliday holiday={holiday} onSuccess={onSuccess} />
        </span>
      )}
    </li>
  );
}

export function HolidayList({ year, holidays, workWeek, canEdit }: Props) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div>
      {canEdit && <AddHolidayForm year={year} onSuccess={setNotice} />}
      <p
        role="status"
        aria-live="polite"
        className={notice ? "mx-4 mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}
        data-testid="holiday-notice"
      >
        {notice}
      </p>
      {holidays.length === 0 ? (
        <EmptyState title={`No public holidays for ${year} yet`} testId="holidays-empty" className="py-12">
          {canEdit ? "Add them one at a time above, or paste a whole list into the import box." : "Holidays HR adds for this year will appear here."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="holiday-rows">
          {holidays.map((holiday) => (
            <HolidayItem key={holiday.id} holiday={holiday} workWeek={workWeek} canEdit={canEdit} onSuccess={setNotice} />
          ))}
        </ul>
      )}
    </div>
  );
}
