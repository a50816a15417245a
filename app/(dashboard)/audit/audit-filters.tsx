"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useTransition } from "react";

type Props = { entities: string[]; actions: readonly string[]; actionLabels: Record<string, string> };

const FIELD =
  "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

// Filters live in the URL, so a view of the trail can be bookmarked and shared. Selects and dates
// apply at once; the actor box applies on Enter or after a short pause in typing.
export function AuditFilters({ entities, actions, actionLabels }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function apply(form: HTMLFormElement) {
    clearTimeout(typingTimer.current);
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value.trim()) params.set(key, value.trim());
    }
    startTransition(() => router.replace(params.size ? `${pathname}?${params}` : pathname));
  }

  const applyNow = (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => apply(event.currentTarget.form!);

  return (
    <form
      role="search"
      aria-label="Filter the audit log"
      aria-busy={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
    >
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Record type
        <select name="entity" defaultValue={searchParams.get("entity") ?? ""} onChange={applyNow} className={FIELD}>
          <option value="">All records</option>
          {entities.map((entity) => (
            <option key={entity} value={entity}>
              {entity}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Action
        <select name="action" defaultValue={searchParams.get("action") ?? ""} onChange={applyNow} className={FIELD}>
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionLabels[action] ?? action}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Changed by
        <input
          type="search"
          name="actor"
          defaultValue={searchParams.get("actor") ?? ""}
          placeholder="Email contains…"
          className={FIELD}
          onChange={(event) => {
            const form = event.currentTarget.form!;
            clearTimeout(typingTimer.current);
            typingTimer.current = setTimeout(() => apply(form), 350);
          }}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        From
        <input type="date" name="from" defaultValue={searchParams.get("from") ?? ""} onChange={applyNow} className={FIELD} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        To
        <input type="date" name="to" defaultValue={searchParams.get("to") ?? ""} onChange={applyNow} className={FIELD} />
      </label>
      <button
        type="submit"
        disabled={isPending}
        className="h-10 rounded-md bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {isPending ? "Filtering…" : "Filter"}
      </button>
    </form>
  );
}
