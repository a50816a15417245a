"use client";

import * as TabsPrimitive from "@radix-ui/react-tabs";
import { cn } from "./cn";

export type TabItem = { value: string; label: React.ReactNode; content: React.ReactNode; testId?: string };

// Tabs with the keyboard behaviour screen-reader users expect: arrow keys move between tabs,
// Tab moves into the panel.
export function Tabs({ items, defaultValue, label, className }: { items: TabItem[]; defaultValue?: string; label: string; className?: string }) {
  return (
    <TabsPrimitive.Root defaultValue={defaultValue ?? items[0]?.value} className={cn("flex flex-col gap-6", className)}>
      <TabsPrimitive.List aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {items.map((item) => (
          <TabsPrimitive.Trigger
            key={item.value}
            value={item.value}
            data-testid={item.testId}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700"
          >
            {item.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {items.map((item) => (
        <TabsPrimitive.Content key={item.value} value={item.value} className="flex flex-col gap-6 focus-visible:outline-2">
          {item.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
}
