"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { FormSection } from "@/components/ui/form-section";
import { EMPLOYMENT_TYPE_LABELS } from "@/lib/employees/format";
import type { FormState } from "@/lib/forms";
import type { LeaveTypeRow } from "@/lib/leave-types/list-leave-types";
import { EMPLOYMENT_TYPES } from "@/lib/validations/employees";
import { createLeaveTypeAction, updateLeaveTypeAction } from "./actions";
import { RecordRefInputs } from "@/components/forms/record-ref-inputs";

type Values = Record<string, string>;

const DEFAULTS: Values = {
  code: "",
  name: "",
  isPaid: "on",
  yearlyHalfDays: "",
  accrual: "UPFRONT",
  carryForwardMaxHalfDays: "0",
  carryForwardExpiryMonths: "",
  maxConsecutiveDays: "",
  allowsHalfDays: "on",
  employmentTypes: "",
  isActive: "on",
  color: "#3b6cf6",
};

// The stored type as the form shows it: half-days as days, flags as ticked boxes.
function toValues(type: LeaveTypeRow): Values {
  const tick = (flag: boolean) => (flag ? "on" : "");
  return {
    code: type.code,
    name: type.name,
    isPaid: tick(type.isPaid),
    yearlyHalfDays: String(type.yearlyHalfDays / 2),
    accrual: type.accrual,
    carryForwardMaxHalfDays: String(type.carryForwardMaxHalfDays / 2),
    carryForwardExpiryMonths: type.carryForwardExpiryMonths === null ? "" : String(type.carryForwardExpiryMonths),
    maxConsecutiveDays: type.maxConsecutiveDays === null ? "" : String(type.maxConsecutiveDays),
    allowsHalfDays: tick(type.allowsHalfDays),
    requiresAttachment: tick(type.requiresAttachment),
    requiresHrApproval: tick(type.requiresHrApproval),
    employmentTypes: type.employmentTypes,
    isActive: tick(type.isActive),
    color: type.color,
  };
}

function Described({ name, error, hint }: { name: string; error?: string; hint?: string }) {
  if (error) {
    return (
      <p id={`field-${name}-error`} className="text-xs font-medium text-rose-700" data-testid={`error-${name}`}>
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`field-${name}-hint`} className="text-xs text-slate-500">
      {hint}
    </p>
  ) : null;
}

function TextInput({
  name,
  values,
  errors,
  type = "text",
  ...props
}: {
  name: string;
  label: string;
  values: Values;
  errors: Record<string, string>;
  hint?: string;
  type?: string;
  required?: boolean;
  inputMode?: "decimal" | "numeric";
  step?: string;
  min?: string;
  max?: string;
  placeholder?: string;
  className?: string;
}) {
  return (
    <Field
      name={name}
      type={type}
      defaultValue={values[name] ?? ""}
      error={errors[name]}
      autoComplete="off"
      controlClassName={type === "color" ? "h-10 w-20 cursor-pointer p-1" : undefined}
      {...props}
    />
  );
}

function Checkbox({
  name,
  label,
  hint,
  values,
  value = "on",
  checked,
}: {
  name: string;
  label: string;
  hint?: string;
  values: Values;
  value?: string;
  checked?: boolean;
}) {
  const id = `field-${name}${value === "on" ? "" : `-${value}`}`;
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked ?? values[name] === "on"}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 rounded border-slate-300"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

export function LeaveTypeForm({ type }: { type?: LeaveTypeRow }) {
  const isEdit = Boolean(type);
  const [state, action, isPending] = useActionState<FormState, FormData>(isEdit ? updateLeaveTypeAction : createLeaveTypeAction, null);
  const values = state?.values ?? (type ? toValues(type) : DEFAULTS);
  const errors = state?.fields ?? {};
  const chosenTypes = values.employmentTypes?.split(",").filter(Boolean) ?? [];

  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <RecordRefInputs record={type} />
      <FormMessage state={state} />

      {/* Remounted after a refused save so every field shows what was sent. */}
      <div key={JSON.stringify(state?.values ?? null)} className="flex flex-col gap-6">
        <FormSection layout="side" title="The type" description="How it appears in requests, calendars and balances.">
          <div className="grid gap-4 sm:grid-cols-3">
            <TextInput name="name" label="Name" required values={values} errors={errors} className="sm:col-span-2" placeholder="Annual leave" />
            <TextInput
              name="code"
              label="Code"
              required
              values={values}
              errors={errors}
              hint="Up to 12 letters or digits; saved in capitals."
              placeholder="AL"
            />
          </div>
          <TextInput name="color" label="Colour" type="color" values={values} errors={errors} hint="Marks this leave on calendars." />
          <Checkbox name="isPaid" label="Paid leave" hint="Unpaid leave is still recorded, and reported to payroll as unpaid." values={values} />
          <Checkbox
            name="isActive"
            label="Active"
            hint="Inactive types keep their history but cannot be requested and have no balance shown."
            values={values}
          />
        </FormSection>

        <FormSection
          layout="side"
          title="Entitlement"
          description="How much leave a year, and when it is credited. Joiners and leavers get a share in proportion to the days they are employed."
        >
          <TextInput
            name="yearlyHalfDays"
            label="Days a year"
            type="number"
            inputMode="decimal"
            step="0.5"
            min="0"
            max="366"
            values={values}
            errors={errors}
            hint="Half days allowed, e.g. 12.5. Leave empty or 0 for no yearly limit: days taken are recorded but never refused (unpaid leave, say)."
            className="sm:max-w-56"
          />
          <div
            role="radiogroup"
            aria-labelledby="accrual-label"
            aria-describedby={errors.accrual ? "field-accrual-error" : undefined}
            className="flex flex-col gap-2"
          >
            <p id="accrual-label" className="text-sm font-medium text-slate-700">
              Credited
            </p>
            {[
              { value: "UPFRONT", label: "Upfront", hint: "The whole year's entitlement on 1 January (or the hire date)." },
              { value: "MONTHLY", label: "Monthly", hint: "A share at the start of each month, so it builds up over the year." },
            ].map((option) => (
              <label key={option.value} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="accrual"
                  value={option.value}
                  defaultChecked={values.accrual === option.value}
                  className="mt-0.5 size-4 border-slate-300"
                />
                <span>
                  <span className="font-medium text-slate-700">{option.label}</span>
                  <span className="block text-xs text-slate-500">{option.hint}</span>
                </span>
              </label>
            ))}
            <Described name="accrual" error={errors.accrual} />
          </div>
        </FormSection>

        <FormSection layout="side" title="Carry-forward" description="What is left at the end of a year moves into the next, up to a cap.">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextInput
              name="carryForwardMaxHalfDays"
              label="Carry up to (days)"
              type="number"
              inputMode="decimal"
              step="0.5"
              min="0"
              max="366"
              values={values}
              errors={errors}
              hint="0 means nothing is carried."
            />
            <TextInput
              name="carryForwardExpiryMonths"
              label="Carried days lapse after (months)"
              type="number"
              inputMode="numeric"
              step="1"
              min="1"
              max="12"
              values={values}
              errors={errors}
              hint="Empty: they never lapse. Leave taken before the lapse uses carried days first."
            />
          </div>
        </FormSection>

        <FormSection layout="side" title="Requests" description="Rules a request for this leave must follow.">
          <TextInput
            name="maxConsecutiveDays"
            label="Longest request (working days)"
            type="number"
            inputMode="numeric"
            step="1"
            min="1"
            max="366"
            values={values}
            errors={errors}
            hint="Empty: no limit."
            className="sm:max-w-56"
          />
          <Checkbox name="allowsHalfDays" label="Half days allowed" hint="Requests may start in the afternoon or end at noon." values={values} />
          <Checkbox name="requiresAttachment" label="Attachment required" hint="A doctor's note or certificate must be named on the request." values={values} />
          <Checkbox name="requiresHrApproval" label="HR approves too" hint="After the manager approves, HR takes a second decision." values={values} />
        </FormSection>

        <FormSection layout="side" title="Who it applies to" description="Tick none for everyone.">
          <div
            role="group"
            aria-label="Employment types"
            aria-describedby={errors["employmentTypes.0"] ? "field-employmentTypes-error" : undefined}
            className="grid gap-2 sm:grid-cols-2"
          >
            {EMPLOYMENT_TYPES.map((employmentType) => (
              <Checkbox
                key={employmentType}
                name="employmentTypes"
                value={employmentType}
                label={EMPLOYMENT_TYPE_LABELS[employmentType]}
                values={values}
                checked={chosenTypes.includes(employmentType)}
              />
            ))}
          </div>
          <Described name="employmentTypes" error={errors["employmentTypes.0"] ?? errors.employmentTypes} />
        </FormSection>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
        <button
          type="submit"
          disabled={isPending}
          className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
          data-testid="save-leave-type"
        >
          {isPending ? "Saving…" : isEdit ? "Save changes" : "Create leave type"}
        </button>
        <Link
          href="/leave/types"
          className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Cancel
        </Link>
        {isEdit && state?.ok === false && !state.fields && (
          // A full page load, so the form opens on the latest version.
          <a href={`/leave/types/${type!.id}`} className="text-sm font-medium text-brand-700 hover:underline">
            Reload the latest version
          </a>
        )}
      </div>
    </form>
  );
}
