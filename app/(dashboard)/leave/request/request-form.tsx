"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { FormMessage, INPUT_CLASS, FieldLabel } from "@/components/forms/field";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import type { FormState } from "@/lib/forms";
import { formatHalfDays } from "@/lib/leave/dates";
import type { LeavePreview } from "@/lib/leave/requests/preview-leave-request";
import type { RequestFormOptions, RequestableType } from "@/lib/leave/requests/request-options";
import { createLeaveRequestAction, previewLeaveRequestAction, type PreviewState } from "../actions";
import { formatDay } from "@/lib/format";
import { buttonClass, SubmitButton } from "@/components/ui/button";

type Values = {
  employeeId: string;
  leaveTypeId: string;
  startDate: string;
  endDate: string;
  startsAfternoon: boolean;
  endsAtNoon: boolean;
  reason: string;
  attachmentName: string;
};

type Props = RequestFormOptions & { initial: { employeeId: string; startDate: string } };

const PREVIEW_DELAY_MS = 250;

function appliesTo(type: RequestableType, employmentType: string | undefined): boolean {
  const types = type.employmentTypes
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return types.length === 0 || (employmentType !== undefined && types.includes(employmentType));
}

function asFormValues(values: Values): Record<string, string> {
  return { ...values, startsAfternoon: String(values.startsAfternoon), endsAtNoon: String(values.endsAtNoon) };
}

function typeHints(type: RequestableType): string {
  return [
    type.allowsHalfDays ? "Half days allowed" : "Whole days only",
    type.isUnlimited ? "No yearly limit" : null,
    type.maxConsecutiveDays ? `At most ${type.maxConsecutiveDays} days in a row` : null,
    type.requiresAttachment ? "Needs a supporting document" : null,
    type.requiresHrApproval ? "Approved by your manager, then HR" : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

function dayCost(day: LeavePreview["days"][number]): string {
  if (day.isWeekend) return "Not counted: not a working day";
  if (day.holidayName && day.note === "holiday") return `Not counted: ${day.holidayName}`;
  const part = day.morning && day.afternoon ? "Full day" : day.morning ? "Morning" : day.afternoon ? "Afternoon" : "Not counted";
  return day.holidayName ? `${part} (${day.holidayName}, half-day holiday)` : part;
}

// The request form, with a live preview beside it: what the dates cost in working days (weekends
// and holidays marked), the balance before and after, and anything that would be refused, worked
// out by the server as the form changes.
export function RequestForm({ types, employees, self, initial }: Props) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(createLeaveRequestAction, null);
  const [values, setValues] = useState<Values>({
    employeeId: initial.employeeId,
    leaveTypeId: "",
    startDate: initial.startDate,
    endDate: initial.startDate,
    startsAfternoon: false,
    endsAtNoon: false,
    reason: "",
    attachmentName: "",
  });
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [isPreviewing, setIsPreviewing] = useState(false);
  const latest = useRef(0);
  const formRef = useFocusOnError(state);
  const ids = useId();

  const subject = values.employeeId ? employees?.find((employee) => employee.id === values.employeeId) : self;
  const choices = types.filter((type) => appliesTo(type, subject?.employmentType));
  const type = choices.find((candidate) => candidate.id === values.leaveTypeId) ?? null;
  const isOneDay = Boolean(values.startDate) && values.startDate === values.endDate;
  const isReady = Boolean(values.leaveTypeId && values.startDate && values.endDate && (values.employeeId || self));

  useEffect(() => {
    if (!isReady) return;
    const run = ++latest.current;
    const timer = setTimeout(async () => {
      setIsPreviewing(true);
      try {
        const result = await previewLeaveRequestAction(asFormValues(values));
        if (run === latest.current) setPreview(result);
      } catch {
        if (run === latest.current) setPreview({ ok: false, message: "The preview is unavailable just now; you can still submit." });
      } finally {
        if (run === latest.current) setIsPreviewing(false);
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, isReady]);

  function update(changes: Partial<Values>) {
    setValues((current) => {
      const next = { ...current, ...changes };
      // Moving the first day past the last drags the last day along: a one-day request by default.
      if (changes.startDate !== undefined && (!current.endDate || current.endDate < changes.startDate || current.endDate === current.startDate))
        next.endDate = changes.startDate;
      return next;
    });
  }

  const live = preview?.ok ? preview.preview : null;
  const liveErrors: Record<string, string> = (live ? live.errors : preview?.ok === false ? preview.fields : undefined) ?? {};
  // Errors from a submit show at once; live ones only beside a field that has something in it,
  // so an untouched field is not already red.
  const error = (name: keyof Values): string | undefined => {
    const isFilled = values[name] !== "" && values[name] !== false;
    return state?.fields?.[name] ?? (isFilled || name === "employeeId" ? liveErrors[name] : undefined);
  };

  function fieldProps(name: keyof Values) {
    const message = error(name);
    return {
      id: `${ids}-${name}`,
      name,
      "aria-invalid": message ? true : undefined,
      "aria-describedby": message ? `${ids}-${name}-error` : undefined,
    } as const;
  }

  function fieldError(name: keyof Values) {
    const message = error(name);
    if (!message) return null;
    return (
      <p id={`${ids}-${name}-error`} className="text-xs font-medium text-rose-700" data-testid={`error-${name}`}>
        {message}
      </p>
    );
  }

  const label = "text-sm font-medium text-slate-700";

  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData();
          for (const [key, value] of Object.entries(asFormValues(values))) data.set(key, value);
          startTransition(() => formAction(data));
        }}
        className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm lg:col-span-3"
        data-testid="request-form"
      >
        <FormMessage state={state} />

        {employees && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-employeeId`} className={label}>
              Request for
            </label>
            <select
              {...fieldProps("employeeId")}
              value={values.employeeId}
              onChange={(event) => update({ employeeId: event.target.value, leaveTypeId: "" })}
              className={INPUT_CLASS}
            >
              {self ? <option value="">Myself</option> : <option value="">Choose a person…</option>}
              {employees
                .filter((employee) => employee.id !== self?.id)
                .map((employee) => (
                  <option key={employee.id} value={employee.id}>
                    {employee.name}
                  </option>
                ))}
            </select>
            <p className="text-xs text-slate-500">HR can request leave on anyone’s behalf; it goes through the usual approvals.</p>
            {fieldError("employeeId")}
          </div>
        )}

        <div className="flex flex-col gap-1">
          <FieldLabel htmlFor={`${ids}-leaveTypeId`} required>
            Leave type
          </FieldLabel>
          <select
            {...fieldProps("leaveTypeId")}
            required
            value={values.leaveTypeId}
            onChange={(event) => {
              const next = choices.find((choice) => choice.id === event.target.value);
              update({ leaveTypeId: event.target.value, ...(next && !next.allowsHalfDays ? { startsAfternoon: false, endsAtNoon: false } : {}) });
            }}
            className={INPUT_CLASS}
            data-testid="leave-type"
          >
            <option value="">Choose a leave type…</option>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
          {type && !error("leaveTypeId") && <p className="text-xs text-slate-500">{typeHints(type)}</p>}
          {choices.length === 0 && <p className="text-xs text-slate-500">No leave types apply{values.employeeId ? " to this person" : " to you"} yet.</p>}
          {fieldError("leaveTypeId")}
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <FieldLabel htmlFor={`${ids}-startDate`} required>
              First day
            </FieldLabel>
            <input
              {...fieldProps("startDate")}
              type="date"
              required
              value={values.startDate}
              onChange={(event) => update({ startDate: event.target.value })}
              className={INPUT_CLASS}
              data-testid="start-date"
            />
            {fieldError("startDate")}
          </div>
          <div className="flex flex-col gap-1">
            <FieldLabel htmlFor={`${ids}-endDate`} required>
              Last day
            </FieldLabel>
            <input
              {...fieldProps("endDate")}
              type="date"
              required
              min={values.startDate || undefined}
              value={values.endDate}
              onChange={(event) => update({ endDate: event.target.value })}
              className={INPUT_CLASS}
              data-testid="end-date"
            />
            {fieldError("endDate")}
          </div>
        </div>

        {(!type || type.allowsHalfDays) && values.startDate && (
          <fieldset className="flex flex-col gap-2">
            <legend className={`${label} mb-1`}>Half days</legend>
            {isOneDay ? (
              <div className="flex flex-wrap gap-4 text-sm" role="radiogroup">
                {(
                  [
                    ["full", "Full day", false, false],
                    ["morning", "Morning only", false, true],
                    ["afternoon", "Afternoon only", true, false],
                  ] as const
                ).map(([key, text, startsAfternoon, endsAtNoon]) => (
                  <label key={key} className="inline-flex items-center gap-2">
                    <input
                      type="radio"
                      name="dayPart"
                      checked={values.startsAfternoon === startsAfternoon && values.endsAtNoon === endsAtNoon}
                      onChange={() => update({ startsAfternoon, endsAtNoon })}
                      className="size-4 border-slate-300"
                    />
                    {text}
                  </label>
                ))}
              </div>
            ) : (
              <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-6">
                <label className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    {...fieldProps("startsAfternoon")}
                    checked={values.startsAfternoon}
                    onChange={(event) => update({ startsAfternoon: event.target.checked })}
                    className="size-4 rounded border-slate-300"
                  />
                  Start in the afternoon of the first day
                </label>
                <label className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    {...fieldProps("endsAtNoon")}
                    checked={values.endsAtNoon}
                    onChange={(event) => update({ endsAtNoon: event.target.checked })}
                    className="size-4 rounded border-slate-300"
                  />
                  End at noon on the last day
                </label>
              </div>
            )}
            {fieldError("startsAfternoon")}
            {fieldError("endsAtNoon")}
          </fieldset>
        )}

        {type?.requiresAttachment && (
          <div className="flex flex-col gap-1">
            <FieldLabel htmlFor={`${ids}-attachmentName`} required>
              Supporting document
            </FieldLabel>
            <input
              {...fieldProps("attachmentName")}
              type="text"
              maxLength={200}
              placeholder="e.g. fit-note-march.pdf"
              value={values.attachmentName}
              onChange={(event) => update({ attachmentName: event.target.value })}
              className={INPUT_CLASS}
            />
            <p className="text-xs text-slate-500">The file name of the certificate or letter; hand the document itself to HR.</p>
            {fieldError("attachmentName")}
          </div>
        )}

        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-reason`} className={label}>
            Note for your approver <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            {...fieldProps("reason")}
            rows={3}
            maxLength={500}
            value={values.reason}
            onChange={(event) => update({ reason: event.target.value })}
            className={INPUT_CLASS}
          />
          {fieldError("reason")}
        </div>

        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 pt-4">
          <Link href="/leave" className={buttonClass({ variant: "secondary" })}>
            Cancel
          </Link>
          <SubmitButton isPending={isPending} pendingLabel="Submitting…" data-testid="submit-request">
            Submit request
          </SubmitButton>
        </div>
      </form>

      <aside
        className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm lg:col-span-2"
        aria-labelledby={`${ids}-preview`}
        data-testid="request-preview"
      >
        <div className="flex items-center justify-between gap-2">
          <h2 id={`${ids}-preview`} className="text-base font-semibold">
            What it costs
          </h2>
          {isPreviewing && <span className="text-xs text-slate-500">Working it out…</span>}
        </div>
        <div aria-live="polite" className="flex flex-col gap-4">
          {!isReady ? (
            <p className="text-sm text-slate-600">Choose a leave type and dates to see the working days it takes and the balance it leaves.</p>
          ) : !preview ? (
            <div className="flex flex-col gap-2" aria-hidden>
              <div className="h-8 w-24 animate-pulse rounded bg-slate-100" />
              <div className="h-4 w-48 animate-pulse rounded bg-slate-100" />
              <div className="h-24 animate-pulse rounded bg-slate-100" />
            </div>
          ) : !live ? (
            <p className="text-sm text-slate-600">{(!preview.ok && preview.message) || "Finish the highlighted fields to see the cost."}</p>
          ) : (
            <PreviewDetails preview={live} />
          )}
        </div>
      </aside>
    </div>
  );
}

function PreviewDetails({ preview }: { preview: LeavePreview }) {
  const errors = Object.values(preview.errors);
  const route = preview.hasManager
    ? preview.requiresHrApproval
      ? "Goes to the manager, then HR."
      : "Goes to the manager."
    : "Goes to HR (no manager on record).";
  return (
    <>
      <div>
        <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="preview-cost">
          {formatHalfDays(preview.halfDays)}
        </p>
        <p className="text-xs text-slate-500">
          of {preview.typeName}
          {preview.employeeName ? ` for ${preview.employeeName}` : ""} · {route}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 rounded-lg bg-slate-50 p-3 text-sm">
        <div>
          <dt className="text-slate-500">Available now</dt>
          <dd className="font-semibold tabular-nums">{preview.isUnlimited ? "No limit" : formatHalfDays(preview.balance.available)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">After this request</dt>
          <dd
            className={`font-semibold tabular-nums ${!preview.isUnlimited && preview.balance.availableAfter < 0 ? "text-rose-700" : ""}`}
            data-testid="preview-after"
          >
            {preview.isUnlimited ? "No limit" : formatHalfDays(preview.balance.availableAfter)}
          </dd>
        </div>
      </dl>
      {errors.length > 0 && (
        <div className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="preview-errors">
          <p className="font-medium">This cannot be submitted as it is:</p>
          <ul className="mt-1 list-disc pl-5">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <ul className="flex flex-col gap-1 text-xs text-slate-600">
          {preview.warnings.map((warning) => (
            <li key={warning}>• {warning}</li>
          ))}
        </ul>
      )}
      {preview.days.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-700">Day by day</h3>
          <ul className="mt-2 max-h-80 divide-y divide-slate-100 overflow-y-auto text-sm" data-testid="preview-days">
            {preview.days.map((day) => (
              <li key={day.date} className={`flex items-center justify-between gap-3 py-1.5 ${day.halfDays === 0 ? "text-slate-500" : ""}`}>
                <span>{formatDay(new Date(`${day.date}T00:00:00Z`))}</span>
                <span className={`text-right text-xs ${day.halfDays === 0 ? "" : "font-medium text-slate-700"}`}>{dayCost(day)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
