"use client";

import { Sheet } from "@/components/ui/sheet";

// The menu button for small screens: the navigation slides in as a sheet and closes on Escape,
// on a click outside, and after navigating.
export function MobileNav({ children }: { children: React.ReactNode }) {
  return (
    <Sheet
      title="Menu"
      trigger={
        <button
          type="button"
          className="inline-flex h-10 items-center gap-2 rounded-md px-3 text-sm font-semibold text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 md:hidden"
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
            <path
              fillRule="evenodd"
              d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75Zm0 5A.75.75 0 0 1 2.75 9h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 9.75Zm0 5a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75a.75.75 0 0 1-.75-.75Z"
              clipRule="evenodd"
            />
          </svg>
          Menu
        </button>
      }
    >
      {children}
    </Sheet>
  );
}
