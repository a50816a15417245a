"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useTransition } from "react";
import { EMPLOYEE_STATUS_LABELS } from "@/lib/employees/format";

type Props = { departments: { id: string; name: string }[] };

// Filters live in the URL, so a filtered directory can be bookmarked and shared. Selects apply at
// once; the search box applies on Enter or after a short pause in typing.
export function DirectoryFilters({ departments }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function apply(form: HTMLFormElement) {
    clearTimeout(typingTimer.current);
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value.trim()) params.set(key, value.trim());
      else params.delete(key);
    }
    params.delete("page");
    startTransition(() => router.replace(params.size ? `${pathname}?${params}` : pathname));
  }

  const fieldClass =
    "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

  return (
    <form
      role="search"
      aria-label="Filter employees"
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <label className="flex flex-1 flex-col gap-1 text-sm font-medium text-slate-700">
        Search
        <input
          type="search"
          name="q"
          defaultValue={searchParams.get("q") ?? ""}
          placeholder="Name, email or employee number"
          className={fieldClass}
          onChange={(event) => {
            const form = event.currentTarget.form!;
            clearTimeout(typingTimer.current);
            typingTimer.current = setTimeout(() => apply(form), 350);
          }}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Department
        <select
          name="department"
          defaultValue={searchParams.get("department") ?? ""}
          onChange={(event) => apply(event.currentTarget.form!)}
          className={`${fieldClass} sm:w-52`}
        >
          <option value="">All departments</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {department.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Status
        <select
          name="status"
          defaultValue={searchParams.get("status") ?? ""}
          onChange={(event) => apply(event.currentTarget.form!)}
          className={`${fieldClass} sm:w-40`}
        >
          <option value="">Any status</option>
          {Object.entries(EMPLOYEE_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="h-10 rounded-md bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        disabled={isPending}
      >
        {isPending ? "Searching…" : "Search"}
      </button>
    </form>
  );
}
