"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { cn } from "./cn";

// A button that opens a list of actions: arrow keys move, Escape closes, focus returns to the
// button (Radix's menu pattern).
export function DropdownMenu({ trigger, children, align = "end" }: { trigger: React.ReactElement; children: React.ReactNode; align?: "start" | "end" }) {
  return (
    <Menu.Root>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align={align} sideOffset={6} className="z-50 min-w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

const ITEM =
  "flex w-full cursor-pointer items-center rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

export function DropdownMenuLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  return (
    <Menu.Item asChild>
      <Link href={href} className={cn(ITEM, className)}>
        {children}
      </Link>
    </Menu.Item>
  );
}

export function DropdownMenuItem({ onSelect, children, className }: { onSelect: () => void; children: React.ReactNode; className?: string }) {
  return (
    <Menu.Item onSelect={onSelect} className={cn(ITEM, className)}>
      {children}
    </Menu.Item>
  );
}
