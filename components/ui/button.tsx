import Link from "next/link";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50",
  danger: "bg-rose-600 text-white hover:bg-rose-700",
  "danger-outline": "bg-white text-rose-700 ring-1 ring-rose-300 hover:bg-rose-50",
  success: "bg-emerald-700 text-white hover:bg-emerald-800",
  warning: "bg-amber-600 text-white hover:bg-amber-700",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

const SIZES = {
  sm: "h-9 px-3",
  md: "h-10 px-4",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;
type Look = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

// The one class string for anything that looks like a button, link or not.
export function buttonClass({ variant = "primary", size = "md", className }: Look = {}): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md text-sm font-semibold whitespace-nowrap shadow-sm disabled:cursor-not-allowed disabled:opacity-60",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export function Button({ variant, size, className, type = "button", ...props }: React.ComponentProps<"button"> & Look) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

export function ButtonLink({ variant, size, className, ...props }: React.ComponentProps<typeof Link> & Look) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}

export const LINK_CLASS = "text-sm font-medium text-brand-700 hover:underline";

export function TextLink({ className, ...props }: React.ComponentProps<typeof Link>) {
  return <Link className={cn(LINK_CLASS, className)} {...props} />;
}

// A form's submit button: disabled while the form is being sent, and saying what is happening
// then ("Saving…") instead of what it does.
export function SubmitButton({
  isPending,
  pendingLabel,
  disabled,
  variant,
  size,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"button">, "type"> & Look & { isPending: boolean; pendingLabel: string }) {
  return (
    <button type="submit" disabled={isPending || disabled} className={buttonClass({ variant, size, className })} {...props}>
      {isPending ? pendingLabel : children}
    </button>
  );
}
