import Link from "next/link";
import { buttonClass } from "./button";
import { CARD_CLASS } from "./card";
import { cn } from "./cn";

const CONTROL_CLASS =
  "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

// A labelled control of a filter or search form: the label above, the control under it.
export function FilterField({ label, className, children }: { label: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <label className={cn("flex flex-col gap-1 text-sm font-medium text-slate-700", className)}>
      {label}
      {children}
    </label>
  );
}

export function FilterInput({ className, ...props }: React.ComponentProps<"input">) {
  return <input className={cn(CONTROL_CLASS, className)} {...props} />;
}

export function FilterSelect({ className, ...props }: React.ComponentProps<"select">) {
  return <select className={cn(CONTROL_CLASS, className)} {...props} />;
}

// The controls of a filter form in a row (a column on a phone), submit button last.
export const FILTER_ROW_CLASS = "flex flex-col gap-3 sm:flex-row sm:items-end";

// A list's search or filters as a plain GET form in a card: it works without JavaScript and the
// URL it leads to can be shared. `clearHref` adds a link back to the unfiltered list.
export function FilterBar({
  label,
  action,
  submitLabel = "Apply",
  clearHref,
  children,
}: {
  label: string;
  action?: string;
  submitLabel?: string;
  clearHref?: string;
  children: React.ReactNode;
}) {
  return (
    <section className={cn(CARD_CLASS, "p-4")}>
      <form role="search" aria-label={label} action={action} className={FILTER_ROW_CLASS}>
        {children}
        <button type="submit" className={buttonClass()}>
          {submitLabel}
        </button>
        {clearHref && (
          <Link href={clearHref} className="inline-flex h-10 items-center text-sm font-medium text-brand-700 hover:underline">
            Clear
          </Link>
        )}
      </form>
    </section>
  );
}

// A list's search box alone, as a FilterBar: one `q` field and a Search button.
export function SearchBar({ label, action, placeholder, query }: { label: string; action: string; placeholder: string; query: string | undefined }) {
  return (
    <FilterBar label={label} action={action} submitLabel="Search">
      <FilterField label="Search" className="flex-1">
        <FilterInput type="search" name="q" defaultValue={query ?? ""} placeholder={placeholder} />
      </FilterField>
    </FilterBar>
  );
}
