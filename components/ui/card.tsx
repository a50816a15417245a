import { cn } from "./cn";

export const CARD_CLASS = "rounded-xl border border-slate-200 bg-white shadow-sm";

type CardProps = {
  title?: React.ReactNode;
  description?: React.ReactNode;
  action?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  testId?: string;
  as?: "section" | "div";
};

// A white panel with an optional heading row (title left, an action such as a link right).
export function Card({ title, description, action, children, className, testId, as: Tag = "section" }: CardProps) {
  return (
    <Tag className={cn(CARD_CLASS, "flex min-w-0 flex-col p-5", className)} data-testid={testId}>
      {(title || action) && (
        <div className="mb-3 flex items-start justify-between gap-3">
          <div className="min-w-0">
            {title && <h2 className="text-sm font-semibold text-slate-700">{title}</h2>}
            {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
          </div>
          {action}
        </div>
      )}
      <div className="min-w-0 flex-1">{children}</div>
    </Tag>
  );
}

// A titled block of a form or settings page: the heading and its explanation beside the fields.
export function Section({ title, description, children, className }: { title: string; description?: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={cn(CARD_CLASS, "grid gap-6 p-6 md:grid-cols-3", className)}>
      <div>
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      <div className="flex min-w-0 flex-col gap-4 md:col-span-2">{children}</div>
    </section>
  );
}
