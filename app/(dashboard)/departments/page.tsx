import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listDepartments } from "@/lib/departments/list-departments";
import { withParams } from "@/lib/search-params";
import { parseDepartmentQuery } from "@/lib/validations/departments";
import { buttonClass } from "@/components/ui/button";
import { DataTable, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Avatar } from "@/components/ui/avatar";

export const metadata: Metadata = { title: "Departments" };

export default async function DepartmentsPage({ searchParams }: PageProps<"/departments">) {
  const user = await requirePermission("departments:read");
  const query = parseDepartmentQuery(await searchParams);
  const result = await listDepartments(user, query);
  const canWrite = can(user, "departments:write");
  const current = { q: query.q, pageSize: query.pageSize === 25 ? undefined : query.pageSize, page: result.page };
  const largest = Math.max(1, ...result.rows.map((row) => row.headcount));

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Departments</h1>
          <p className="mt-1 text-sm text-slate-600">How the organisation is divided, who leads each part, and how many people are in it.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/org-chart" className={buttonClass({ variant: "secondary" })}>
            View org chart
          </Link>
          {canWrite && (
            <Link href="/departments/new" className={buttonClass()} data-testid="new-department">
              New department
            </Link>
          )}
        </div>
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        {/* A plain GET form: searching works without JavaScript and the URL can be shared. */}
        <form role="search" aria-label="Search departments" action="/departments" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <label className="flex flex-1 flex-col gap-1 text-sm font-medium text-slate-700">
            Search
            <input
              type="search"
              name="q"
              defaultValue={query.q ?? ""}
              placeholder="Name or code"
              className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
            />
          </label>
          <button type="submit" className={buttonClass()}>
            Search
          </button>
        </form>
      </section>

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {result.rows.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-testid="departments-empty">
            <p className="text-base font-medium">{query.q ? "No departments match this search" : "No departments yet"}</p>
            <p className="max-w-sm text-sm text-slate-600">
              {query.q
                ? "Try part of the name or the code."
                : canWrite
                  ? "Create the first department, then nest others under it."
                  : "Departments HR creates will appear here."}
            </p>
            {query.q ? (
              <Link href="/departments" className="mt-2 text-sm font-medium text-brand-700 hover:underline">
                Clear the search
              </Link>
            ) : (
              canWrite && (
                <Link href="/departments/new" className={buttonClass({ className: "mt-2" })}>
                  New department
                </Link>
              )
            )}
          </div>
        ) : (
          <DataTable>
            <THead>
              <Th>Department</Th>
              <Th className="hidden md:table-cell">Part of</Th>
              <Th>Head</Th>
              <Th>Headcount</Th>
              {canWrite && (
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </THead>
            <TBody data-testid="department-rows">
              {result.rows.map((department) => (
                <Tr key={department.id}>
                  <Td>
                    <Link
                      href={`/departments/${department.id}`}
                      className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                      data-testid="department-name"
                    >
                      {department.name}
                    </Link>
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">{department.code}</span>
                  </Td>
                  <Td className="hidden text-slate-700 md:table-cell">
                    {department.parent ? (
                      <Link href={`/departments/${department.parent.id}`} className="hover:text-brand-700 hover:underline">
                        {department.parent.name}
                      </Link>
                    ) : (
                      <span className="text-slate-500">Top level</span>
                    )}
                  </Td>
                  <Td>
                    {department.head ? (
                      <div className="flex items-center gap-2">
                        <Avatar person={department.head} />
                        <div className="min-w-0">
                          <p className="font-medium text-slate-900">
                            {department.head.firstName} {department.head.lastName}
                          </p>
                          <p className="hidden truncate text-xs text-slate-500 lg:block">{department.head.jobTitle}</p>
                        </div>
                      </div>
                    ) : (
                      <span className="text-slate-500">No head</span>
                    )}
                  </Td>
                  <Td>
                    <div className="flex items-center gap-3">
                      <span className="w-8 text-right font-semibold text-slate-900 tabular-nums" data-testid="department-headcount">
                        {department.headcount}
                      </span>
                      <span aria-hidden className="hidden h-2 w-24 overflow-hidden rounded-full bg-slate-100 sm:block">
                        <span className="block h-full rounded-full bg-brand-500" style={{ width: `${(department.headcount / largest) * 100}%` }} />
                      </span>
                    </div>
                  </Td>
                  {canWrite && (
                    <Td className="text-right">
                      <Link href={`/departments/${department.id}/edit`} className="font-medium text-brand-700 hover:underline">
                        Edit<span className="sr-only"> {department.name}</span>
                      </Link>
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </DataTable>
        )}
        <div className="border-t border-slate-200 px-4 py-3">
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            pageSize={result.pageSize}
            hrefFor={(page) => withParams("/departments", current, { page })}
            noun={result.total === 1 ? "department" : "departments"}
          />
        </div>
      </section>
    </div>
  );
}
