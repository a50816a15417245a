import { useId } from "react";
import { cn } from "@/components/ui/cn";

// A labelled input with its error right beside it, wired for screen readers. The id comes from
// useId, so two forms on one page never collide. Any other input attribute (value and onChange
// for a controlled field, inputMode, step…) passes through to the control.
type ControlProps = Omit<
  React.ComponentProps<"input"> & React.ComponentProps<"select"> & React.ComponentProps<"textarea">,
  "id" | "name" | "defaultValue" | "children" | "className" | "onChange"
> & {
  onChange?: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
};

type Props = ControlProps & {
  name: string;
  label: React.ReactNode;
  error?: string;
  hint?: React.ReactNode;
  defaultValue?: string | number | null;
  className?: string;
  controlClassName?: string;
  children?: React.ReactNode; // a <select>'s options, when `options` is not enough
  as?: "input" | "select" | "textarea";
  // A select's choices, after an empty one labelled `emptyLabel` when there is one.
  options?: SelectOption[];
  emptyLabel?: string;
};

export type SelectOption = { value: string; label: React.ReactNode };

export const INPUT_CLASS =
  "w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 aria-[invalid=true]:border-rose-400 aria-[invalid=true]:focus:ring-rose-500/20 border-slate-300 focus:border-brand-500 focus:ring-brand-500/20";

export function Field({
  name,
  label,
  error,
  hint,
  defaultValue,
  required,
  className,
  controlClassName,
  children,
  as = "input",
  type = "text",
  options,
  emptyLabel,
  ...control
}: Props) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const isControlled = "value" in control || "checked" in control;
  const common = {
    ...control,
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    className: cn(INPUT_CLASS, controlClassName),
    ...(isControlled ? {} : { defaultValue: defaultValue ?? "" }),
  };
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      {as === "select" ? (
        // A select only takes a new default when it mounts, so it is keyed by the value to show.
        <select key={isControlled ? undefined : String(defaultValue ?? "")} {...(common as React.ComponentProps<"select">)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
      ) : as === "textarea" ? (
        <textarea rows={3} {...(common as React.ComponentProps<"textarea">)} />
      ) : (
        <input type={type} {...(common as React.ComponentProps<"input">)} />
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-700" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function FormMessage({ state }: { state: { ok?: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={cn("rounded-md px-3 py-2 text-sm", state.ok ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800")}
      data-testid="form-message"
    >
      {state.message}
    </p>
  );
}

// A select's choices from a table of labels (an enum's values and what to call them).
export function labelledOptions(labels: Record<string, React.ReactNode>): SelectOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

type FieldState = { values?: Record<string, string>; fields?: Record<string, string> } | null | undefined;

// Binds a form's fields to what its action returned: `bind(name)` gives a Field its name, the
// value to show (what was sent back by a refused save, else `initial`) and its error.
export function bindFields(state: FieldState, initial: Record<string, string | number | null | undefined> = {}) {
  return (name: string) => ({ name, defaultValue: state?.values?.[name] ?? initial[name] ?? "", error: state?.fields?.[name] });
}

// A control's label; a required one is marked with an asterisk that screen readers skip (the
// control itself says it is required).
export function FieldLabel({ htmlFor, required, children }: { htmlFor: string; required?: boolean; children: React.ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="text-sm font-medium text-slate-700">
      {children}
      {required && (
        <span className="text-rose-600" aria-hidden>
          {" "}
          *
        </span>
      )}
    </label>
  );
}
