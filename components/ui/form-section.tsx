import { CARD_CLASS } from "./card";
import { cn } from "./cn";

// A titled group of form fields. "card": a panel with the title over a two-column grid; "side":
// the title beside the fields on wide screens, sections divided by a rule.
export function FormSection({
  title,
  description,
  children,
  layout = "card",
  className,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
  layout?: "card" | "side";
  className?: string;
}) {
  const heading = (
    <div>
      <legend className="text-base font-semibold text-slate-900">{title}</legend>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
    </div>
  );
  return layout === "side" ? (
    <fieldset className={cn("grid gap-4 border-t border-slate-200 pt-5 first:border-t-0 first:pt-0 md:grid-cols-3", className)}>
      {heading}
      <div className="flex flex-col gap-4 md:col-span-2">{children}</div>
    </fieldset>
  ) : (
    <fieldset className={cn(CARD_CLASS, "min-w-0 p-5", className)}>
      {heading}
      <div className="mt-4 grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
