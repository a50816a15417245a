import { cn } from "./cn";

// One fact about a record: what it is, its value, and how it sits in the list.
export type Detail = { label: string; value: React.ReactNode; testId?: string; isWide?: boolean; valueClassName?: string };

// Facts about a record (a person's department, manager, hire date…) as a description list, each
// label above its value. `className` lays the list out (a grid, say).
export function DetailList({ items, className, valueClassName }: { items: Detail[]; className?: string; valueClassName?: string }) {
  return (
    <dl className={className}>
      {items.map((item) => (
        <div key={item.label} className={item.isWide ? "sm:col-span-2" : undefined}>
          <dt className="text-slate-500">{item.label}</dt>
          <dd className={cn("mt-0.5 font-medium text-slate-900", valueClassName, item.valueClassName)} data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
