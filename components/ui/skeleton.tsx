import { CARD_CLASS } from "./card";
import { cn } from "./cn";

const WIDTHS = { "3xl": "max-w-3xl", "4xl": "max-w-4xl", "5xl": "max-w-5xl", "6xl": "max-w-6xl", "7xl": "max-w-7xl", full: "max-w-[100rem]" } as const;

export function Skeleton({ className, style }: { className?: string; style?: React.CSSProperties }) {
  return <div className={cn("animate-pulse rounded bg-slate-100", className)} style={style} />;
}

function Panel({ className, children }: { className?: string; children?: React.ReactNode }) {
  return <div className={cn(CARD_CLASS, "animate-pulse", children && "flex animate-none flex-col gap-3 p-4", className)}>{children}</div>;
}

type PageSkeletonProps = {
  label: string;
  width?: keyof typeof WIDTHS;
  // What stands under the title, top to bottom.
  stats?: number;
  toolbar?: boolean;
  calendar?: boolean;
  form?: boolean;
  rows?: number;
  rowHeight?: "sm" | "md" | "lg";
};

const ROW_HEIGHT = { sm: "h-10", md: "h-14", lg: "h-28" } as const;

// The one loading placeholder: a page's shape (title, numbers, filters, a calendar, a form, rows)
// in grey while its data loads, announced as busy to screen readers.
export function PageSkeleton({
  label,
  width = "7xl",
  stats = 0,
  toolbar = false,
  calendar = false,
  form = false,
  rows = 0,
  rowHeight = "sm",
}: PageSkeletonProps) {
  return (
    <div role="status" className={cn("mx-auto flex flex-col gap-6", WIDTHS[width])} aria-busy="true" aria-label={label}>
      <Skeleton className="h-8 w-56 bg-slate-200" />
      {stats > 0 && (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {Array.from({ length: stats }, (_, i) => (
            <Panel key={i} className="h-28" />
          ))}
        </div>
      )}
      {toolbar && <Panel className="h-20" />}
      {calendar && (
        <Panel className="grid grid-cols-7 gap-1">
          {Array.from({ length: 35 }, (_, i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </Panel>
      )}
      {form && (
        <Panel className="grid gap-4 p-6 sm:grid-cols-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </Panel>
      )}
      {rows > 0 && (
        <Panel>
          {Array.from({ length: rows }, (_, i) => (
            <Skeleton key={i} className={ROW_HEIGHT[rowHeight]} />
          ))}
        </Panel>
      )}
    </div>
  );
}
