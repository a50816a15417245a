// A labelled input with its error right beside it, wired for screen readers.
type Props = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  defaultValue?: string | number | null;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  className?: string;
  children?: React.ReactNode; // a <select>'s options, or a custom control instead of <input>
  as?: "input" | "select" | "textarea";
  min?: string;
  max?: string;
};

export const INPUT_CLASS =
  "w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 aria-[invalid=true]:border-rose-400 aria-[invalid=true]:focus:ring-rose-500/20 border-slate-300 focus:border-brand-500 focus:ring-brand-500/20";

export function Field({ name, label, error, hint, defaultValue, type = "text", required, autoComplete, placeholder, className = "", children, as = "input", min, max }: Props) {
  const id = `field-${name}`;
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    required,
    className: INPUT_CLASS,
  };
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
        {required && <span className="text-rose-600" aria-hidden> *</span>}
      </label>
      {as === "select" ? (
        <select {...common} defaultValue={defaultValue ?? ""}>
          {children}
        </select>
      ) : as === "textarea" ? (
        <textarea {...common} defaultValue={defaultValue ?? ""} rows={3} placeholder={placeholder} />
      ) : (
        <input {...common} type={type} defaultValue={defaultValue ?? ""} autoComplete={autoComplete} placeholder={placeholder} min={min} max={max} />
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
    <p role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`} data-testid="form-message">
      {state.message}
    </p>
  );
}
