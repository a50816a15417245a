"use client";

import { useId } from "react";
import { INPUT_CLASS } from "@/components/forms/field";

// The fields of a holiday, shared by the add form and each row's edit form. Several of these are on
// the page at once, so ids come from useId rather than the field name.
type Props = {
  values: { date: string; name: string; isHalfDay: boolean };
  errors: Record<string, string>;
  autoFocus?: boolean;
};

function Input({
  name,
  label,
  type = "text",
  defaultValue,
  error,
  placeholder,
  autoFocus,
}: {
  name: string;
  label: string;
  type?: string;
  defaultValue: string;
  error?: string;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
        <span className="text-rose-600" aria-hidden>
          {" "}
          *
        </span>
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required
        defaultValue={defaultValue}
        placeholder={placeholder}
        autoComplete="off"
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={INPUT_CLASS}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-700" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function HolidayFields({ values, errors, autoFocus }: Props) {
  const halfId = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-[11rem_1fr_auto] sm:items-start">
      <Input name="date" label="Date" type="date" defaultValue={values.date} error={errors.date} autoFocus={autoFocus} />
      <Input name="name" label="Name" defaultValue={values.name} error={errors.name} placeholder="Christmas Day" />
      <label htmlFor={halfId} className="inline-flex items-center gap-2 text-sm text-slate-700 sm:pt-8">
        <input id={halfId} type="checkbox" name="isHalfDay" defaultChecked={values.isHalfDay} className="size-4 rounded border-slate-300" />
        Half day <span className="text-xs text-slate-500">(morning off)</span>
      </label>
    </div>
  );
}
