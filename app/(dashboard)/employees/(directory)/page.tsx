import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedCard } from "@/components/ui/paged-card";
import { StatusPill } from "@/components/status-pill";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listDepartmentOptions } from "@/lib/departments/list-departments";
import { listEmployees } from "@/lib/employees/list-employees";
import { withParams } from "@/lib/search-params";
import { parseDirectoryQuery, type DirectoryQuery } from "@/lib/validations/employees";
import { DirectoryFilters } from "./directory-filters";
import { formatDate } from "@/lib/format";
import { DataTable, TBody, Td, THead, Tr } from "@/components/ui/table";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass, TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Employees" };

const COLUMNS: { key: DirectoryQuery["sort"] | null; label: string; className?: string }[] = [
  { key: "name", label: "Name" },
  { key: "jobTitle", label: "Job title", className: "hidden lg:table-cell" },
  { key: "department", label: "Department" },
  { key: null, label: "Manager", className: "hidden xl:table-cell" },
  { key: null, label: "Status" },
  { key: "hireDate", label: "Hired", className: "hidden sm:table-cell" },
];

function NoEmployees({ isFiltered }: { isFiltered: boolean }) {
  return (
    <EmptyState
      title={isFiltered ? "No employees match these filters" : "No employees yet"}
      testId="directory-empty"
      action={isFiltered && <TextLink href="/employees">Clear all filters</TextLink>}
    >
      {isFiltered ? "Try a shorter search or another department or status." : "Employees you add or import will appear here."}
    </EmptyState>
  );
}

export default async function EmployeesPage({ searchParams }: PageProps<"/employees">) {
  const user = await requirePermission("employees:read");
  const query = parseDirectoryQuery(await searchParams);
  const [result, departments] = await Promise.all([listEmployees(user, query), listDepartmentOptions()]);
  const current = {
    q: query.q,
    department: query.department,
    status: query.status,
    sort: query.sort,
    dir: query.dir,
    pageSize: query.pageSize,
    page: result.page,
  };
  const href = (changes: Record<string, string | number | undefined>) => withParams("/employees", current, changes);
  const isFiltered = Boolean(query.q || query.department || query.status);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Employees"
        description={<>Everyone in the organisation, searchable and sortable.</>}
        actions={
          <>
            {can(user, "employees:export") && (
              <a
                href={withParams(
                  "/api/employees/export",
                  { q: query.q, department: query.department, status: query.status, sort: query.sort, dir: query.dir },
                  {},
                )}
                download
                className={buttonClass({ variant: "secondary" })}
                data-testid="export-csv"
              >
                Export CSV
              </a>
            )}
            {can(user, "employees:import") && (
              <Link href="/employees/import" className={buttonClass({ variant: "secondary" })} data-testid="import-csv">
                Import CSV
              </Link>
            )}
            {can(user, "employees:create") && (
              <Link href="/employees/new" className={buttonClass()} data-testid="add-employee">
                Add employee
              </Link>
            )}
          </>
        }
      />

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <DirectoryFilters departments={departments} />
      </section>

      <PagedCard page={result} hrefFor={(page) => href({ page })} nouns={["employee", "employees"]} empty={<NoEmployees isFiltered={isFiltered} />}>
        <DataTable>
          <THead>
            {COLUMNS.map((column) => {
              const isSorted = column.key === query.sort;
              const nextDir = isSorted && query.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={column.label}
                  scope="col"
                  aria-sort={isSorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`px-4 py-3 text-left font-semibold text-slate-700 ${column.className ?? ""}`}
                >
                  {column.key ? (
                    <Link href={href({ sort: column.key, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 hover:text-brand-700">
                      {column.label}
                      <span aria-hidden className={isSorted ? "text-brand-600" : "text-slate-300"}>
                        {isSorted && query.dir === "desc" ? "↓" : "↑"}
                      </span>
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </THead>
          <TBody data-testid="directory-rows">
            {result.rows.map((employee) => (
              <Tr key={employee.id}>
                <Td>
                  <div className="flex items-center gap-3">
                    <Avatar person={employee} />
                    <div className="min-w-0">
                      <Link
                        href={`/employees/${employee.id}`}
                        className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                        data-testid="employee-name"
                      >
                        {employee.firstName} {employee.lastName}
                      </Link>
                      <p className="truncate text-slate-500">{employee.workEmail}</p>
                    </div>
                  </div>
                </Td>
                <Td className="hidden text-slate-700 lg:table-cell">{employee.jobTitle}</Td>
                <Td className="text-slate-700">{employee.department?.name ?? <span className="text-slate-500">—</span>}</Td>
                <Td className="hidden text-slate-700 xl:table-cell">
                  {employee.manager ? `${employee.manager.firstName} ${employee.manager.lastName}` : <span className="text-slate-500">—</span>}
                </Td>
                <Td>
                  <StatusPill status={employee.status} />
                </Td>
                <Td className="hidden whitespace-nowrap text-slate-700 sm:table-cell">{formatDate(employee.hireDate)}</Td>
              </Tr>
            ))}
          </TBody>
        </DataTable>
      </PagedCard>
    </div>
  );
}
