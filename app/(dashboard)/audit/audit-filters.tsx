"use client";

import { useUrlFilters } from "@/components/forms/use-url-filters";
import { SubmitButton } from "@/components/ui/button";
import { FilterField, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

type Props = { entities: string[]; actions: readonly string[]; actionLabels: Record<string, string> };

// Filters live in the URL, so a view of the trail can be bookmarked and shared. Selects and dates
// apply at once; the actor box applies on Enter or after a short pause in typing.
export function AuditFilters({ entities, actions, actionLabels }: Props) {
  const { isPending, current, onSubmit, applyNow, applyAfterTyping } = useUrlFilters();

  return (
    <form
      role="search"
      aria-label="Filter the audit log"
      aria-busy={isPending}
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
    >
      <FilterField label="Record type">
        <FilterSelect name="entity" defaultValue={current("entity")} onChange={applyNow}>
          <option value="">All records</option>
          {entities.map((entity) => (
            <option key={entity} value={entity}>
              {entity}
            </option>
          ))}
        </FilterSelect>
      </FilterField>
      <FilterField label="Action">
        <FilterSelect name="action" defaultValue={current("action")} onChange={applyNow}>
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionLabels[action] ?? action}
            </option>
          ))}
        </FilterSelect>
      </FilterField>
      <FilterField label="Changed by">
        <FilterInput type="search" name="actor" defaultValue={current("actor")} placeholder="Email contains…" onChange={applyAfterTyping} />
      </FilterField>
      <FilterField label="From">
        <FilterInput type="date" name="from" defaultValue={current("from")} onChange={applyNow} />
      </FilterField>
      <FilterField label="To">
        <FilterInput type="date" name="to" defaultValue={current("to")} onChange={applyNow} />
      </FilterField>
      <SubmitButton isPending={isPending} pendingLabel="Filtering…">
        Filter
      </SubmitButton>
    </form>
  );
}
