import Link from "next/link";
import { cn } from "./cn";

// A page's title, a line about it, and its main actions on the right (below on a phone). A page
// below another names it first (`parent`): "Attendance / Monthly summary", the parent a link.
export function PageHeader({
  title,
  description,
  eyebrow,
  parent,
  crumb,
  actions,
  className,
  titleTestId,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  eyebrow?: React.ReactNode;
  parent?: { href: string; label: string };
  // What the trail calls this page, when not its title.
  crumb?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  titleTestId?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between", className)}>
      <div className="min-w-0">
        {eyebrow && <div className="text-sm text-slate-500">{eyebrow}</div>}
        {parent && (
          <p className="mb-1 text-sm text-slate-500">
            <Link href={parent.href} className="font-medium text-brand-700 hover:underline">
              {parent.label}
            </Link>{" "}
            / {crumb ?? title}
          </p>
        )}
        <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid={titleTestId}>
          {title}
        </h1>
        {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
