"use client";

import { EMPLOYEE_STATUS_LABELS } from "@/lib/employees/format";
import { DepartmentOptions } from "@/components/forms/department-options";
import { useUrlFilters } from "@/components/forms/use-url-filters";
import { buttonClass } from "@/components/ui/button";
import { FILTER_ROW_CLASS, FilterField, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

type Props = { departments: { id: string; name: string }[] };

// Filters live in the URL, so a filtered directory can be bookmarked and shared. Selects apply at
// once; the search box applies on Enter or after a short pause in typing.
export function DirectoryFilters({ departments }: Props) {
  const { isPending, current, onSubmit, applyNow, applyAfterTyping } = useUrlFilters();

  return (
    <form role="search" aria-label="Filter employees" onSubmit={onSubmit} className={FILTER_ROW_CLASS}>
      <FilterField label="Search" className="flex-1">
        <FilterInput type="search" name="q" defaultValue={current("q")} placeholder="Name, email or employee number" onChange={applyAfterTyping} />
      </FilterField>
      <FilterField label="Department">
        <FilterSelect name="department" defaultValue={current("department")} onChange={applyNow} className="sm:w-52">
          <DepartmentOptions departments={departments} />
        </FilterSelect>
      </FilterField>
      <FilterField label="Status">
        <FilterSelect name="status" defaultValue={current("status")} onChange={applyNow} className="sm:w-40">
          <option value="">Any status</option>
          {Object.entries(EMPLOYEE_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </FilterSelect>
      </FilterField>
      <button type="submit" className={buttonClass()} disabled={isPending}>
        {isPending ? "Searching…" : "Search"}
      </button>
    </form>
  );
}
