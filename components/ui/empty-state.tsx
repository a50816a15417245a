import { cn } from "./cn";

// What a list says when there is nothing in it, and what to do about that.
export function EmptyState({
  title,
  children,
  action,
  className,
  testId,
  size = "md",
}: {
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
  testId?: string;
  size?: "sm" | "md";
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-1 text-center",
        size === "sm" ? "h-full rounded-lg border border-dashed border-slate-200 px-4 py-6" : "gap-2 px-6 py-16",
        className,
      )}
      data-testid={testId}
    >
      <p className={cn("font-medium", size === "sm" ? "text-sm text-slate-700" : "text-base")}>{title}</p>
      {children && <div className={cn("max-w-sm text-slate-600", size === "sm" ? "text-xs text-slate-500" : "text-sm")}>{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
