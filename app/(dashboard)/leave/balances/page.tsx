import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterField, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { PagedCard } from "@/components/ui/paged-card";
import { requirePermission } from "@/lib/auth/current-user";
import { listDepartmentOptions } from "@/lib/departments/list-departments";
import { formatHalfDays } from "@/lib/leave/dates";
import { type BalanceCell, getBalancesReport, parseBalancesQuery } from "@/lib/leave/balances-report";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { withParams } from "@/lib/search-params";
import { formatDate } from "@/lib/format";
import { DataTable, TBody, Th, THead, Tr } from "@/components/ui/table";
import { DepartmentOptions } from "@/components/forms/department-options";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Leave balances" };

const LINK = "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";

function Cell({ cell, isUnlimited }: { cell: BalanceCell | null; isUnlimited: boolean }) {
  if (!cell)
    return (
      <span className="text-slate-500" title="Does not apply to this employee">
        —
      </span>
    );
  if (isUnlimited) {
    // No entitlement to run out of: the balance only counts down what was taken.
    return (
      <div className="flex flex-col">
        <span className="text-slate-700">{formatHalfDays(Math.max(0, -cell.balance))} taken</span>
        {cell.scheduled > 0 && <span className="text-xs text-slate-500">{formatHalfDays(cell.scheduled)} booked</span>}
      </div>
    );
  }
  return (
    <div className="flex flex-col">
      <span className={`font-semibold tabular-nums ${cell.available < 0 ? "text-rose-700" : "text-slate-900"}`}>{formatHalfDays(cell.available)}</span>
      {(cell.pending > 0 || cell.scheduled > 0 || cell.lapsing > 0) && (
        <span className="text-xs text-slate-500">
          {[
            cell.scheduled > 0 && `${formatHalfDays(cell.scheduled)} booked`,
            cell.pending > 0 && `${formatHalfDays(cell.pending)} pending`,
            cell.lapsing > 0 && `${formatHalfDays(cell.lapsing)} to lapse`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      )}
    </div>
  );
}

// HR's view of everyone's leave: what each employee still has available, per leave type.
export default async function LeaveBalancesPage({ searchParams }: PageProps<"/leave/balances">) {
  const user = await requirePermission(LEAVE_ADMIN);
  const query = parseBalancesQuery(await searchParams);
  const [result, departments] = await Promise.all([getBalancesReport(user, query), listDepartmentOptions()]);
  const current = { year: result.year, department: query.department, q: query.q, page: result.page };
  const href = (changes: Record<string, string | number | undefined>) => withParams("/leave/balances", current, changes);
  const isFiltered = Boolean(query.department || query.q);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Leave balances"
        description={
          <>
            Available leave per employee and leave type on{" "}
            <span className="font-medium text-slate-900">{formatDate(new Date(`${result.asOf}T00:00:00Z`))}</span>: what a new request could still use, after
            booked and pending leave.
          </>
        }
        actions={
          <>
            <nav aria-label="Year" className="flex items-center gap-2">
              <Link href={href({ year: result.year - 1, page: 1 })} className={LINK} rel="prev">
                ← {result.year - 1}
              </Link>
              <span className="px-2 text-lg font-semibold tabular-nums" aria-current="page">
                {result.year}
              </span>
              <Link href={href({ year: result.year + 1, page: 1 })} className={LINK} rel="next">
                {result.year + 1} →
              </Link>
            </nav>
          </>
        }
      />

      <FilterBar label="Filter balances" action="/leave/balances" clearHref={isFiltered ? withParams("/leave/balances", { year: result.year }, {}) : undefined}>
        <input type="hidden" name="year" value={result.year} />
        <FilterField label="Name" className="flex-1">
          <FilterInput type="search" name="q" defaultValue={query.q ?? ""} placeholder="First or last name" />
        </FilterField>
        <FilterField label="Department" className="sm:w-64">
          <FilterSelect name="department" defaultValue={query.department ?? ""}>
            <DepartmentOptions departments={departments} />
          </FilterSelect>
        </FilterField>
      </FilterBar>

      <PagedCard
        page={result}
        hrefFor={(page) => href({ page })}
        nouns={["employee", "employees"]}
        isEmpty={result.types.length === 0 || result.rows.length === 0}
        empty={
          result.types.length === 0 ? (
            <EmptyState title="No active leave types" testId="balances-empty" action={<TextLink href="/leave/types/new">Create a leave type</TextLink>}>
              Balances appear once there is a leave type to hold them.
            </EmptyState>
          ) : (
            <EmptyState title={isFiltered ? "Nobody matches these filters" : `Nobody worked here in ${result.year}`} testId="balances-empty">
              {isFiltered ? "Try another name or department." : "Try another year."}
            </EmptyState>
          )
        }
      >
        <DataTable>
          <caption className="sr-only">Available leave by employee and leave type in {result.year}</caption>
          <THead>
            <Th className="sticky left-0 bg-slate-50">Employee</Th>
            {result.types.map((type) => (
              <th key={type.id} scope="col" className="px-4 py-3 text-left font-semibold whitespace-nowrap text-slate-700">
                <span aria-hidden className="mr-2 inline-block size-2.5 rounded-full" style={{ backgroundColor: type.color }} />
                {type.name}
              </th>
            ))}
          </THead>
          <TBody data-testid="balance-rows">
            {result.rows.map((row) => (
              <Tr key={row.employee.id}>
                <th scope="row" className="sticky left-0 bg-white px-4 py-3 text-left font-normal">
                  <Link
                    href={`/leave/ledger/${row.employee.id}?asOf=${result.asOf}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                    data-testid="balance-employee"
                  >
                    {row.employee.firstName} {row.employee.lastName}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {row.employee.department ?? "No department"}
                    {row.employee.status === "TERMINATED" && " · has left"}
                  </p>
                </th>
                {result.types.map((type) => (
                  <td key={type.id} className="px-4 py-3 align-top">
                    <Cell cell={row.cells[type.id]} isUnlimited={type.isUnlimited} />
                  </td>
                ))}
              </Tr>
            ))}
          </TBody>
        </DataTable>
      </PagedCard>
    </div>
  );
}
