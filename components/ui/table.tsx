import { CARD_CLASS } from "./card";
import { cn } from "./cn";

// A table in a white card that scrolls sideways inside itself, never the page.
export function Table({
  children,
  className,
  footer,
  testId,
  label,
}: {
  children: React.ReactNode;
  className?: string;
  footer?: React.ReactNode;
  testId?: string;
  label?: string;
}) {
  return (
    <section className={cn(CARD_CLASS, "overflow-hidden", className)} data-testid={testId} aria-label={label}>
      <div className="relative overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table>
      </div>
      {footer && <div className="border-t border-slate-200 px-4 py-3">{footer}</div>}
    </section>
  );
}

// A column heading: its text, or the text with classes (e.g. hidden on small screens). A column
// whose heading is only for screen readers (actions) passes `isLabelHidden`.
export type Column = string | { label: string; className?: string; isLabelHidden?: boolean };

const PLAIN_TH = "px-0 py-2 pr-4 font-medium text-slate-600";

// The header row: `columns` for plain headings, children for anything more (sort links, colours).
// "card" heads a table that fills a card (a shaded row); "plain" one that sits in a card's text.
export function THead({ columns = [], variant = "card", children }: { columns?: Column[]; variant?: "card" | "plain"; children?: React.ReactNode }) {
  return (
    <thead className={variant === "card" ? "bg-slate-50" : undefined}>
      <tr>
        {columns.map((column) => {
          const { label, className, isLabelHidden } = typeof column === "string" ? { label: column } : column;
          return (
            <Th key={label} className={cn(variant === "plain" && PLAIN_TH, className)}>
              {isLabelHidden ? <span className="sr-only">{label}</span> : label}
            </Th>
          );
        })}
        {children}
      </tr>
    </thead>
  );
}

export function Th({ className, children, ...props }: React.ComponentProps<"th">) {
  return (
    <th scope="col" className={cn("px-4 py-3 text-left font-semibold whitespace-nowrap text-slate-700", className)} {...props}>
      {children}
    </th>
  );
}

export function TBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function Tr({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("hover:bg-slate-50", className)} {...props} />;
}

export function Td({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 text-slate-700", className)} {...props} />;
}

// The scrolling table alone (relative, so screen-reader-only text inside stays inside it), for a card that holds more than the table (filters, a footer).
export function DataTable({ children, className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative overflow-x-auto">
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", className)} {...props}>
        {children}
      </table>
    </div>
  );
}
