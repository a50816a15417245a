import Link from "next/link";
import { cn } from "./cn";

export type TabLink = { href: string; label: React.ReactNode; isCurrent: boolean };

// Views of one list as links (All / Unread, Waiting / Decided): the current one is marked for
// screen readers with aria-current and shown highlighted.
export function TabLinks({ label, tabs, className }: { label: string; tabs: TabLink[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("flex gap-1", className)}>
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.isCurrent ? "page" : undefined}
          className={cn("rounded-md px-3 py-1.5 text-sm font-medium", tab.isCurrent ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
