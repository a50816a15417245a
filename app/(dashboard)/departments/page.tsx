import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchBar } from "@/components/ui/filter-bar";
import { PagedCard } from "@/components/ui/paged-card";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listDepartments } from "@/lib/departments/list-departments";
import { withParams } from "@/lib/search-params";
import { parseDepartmentQuery } from "@/lib/validations/departments";
import { buttonClass, TextLink } from "@/components/ui/button";
import { type Column, DataTable, TBody, Td, THead, Tr } from "@/components/ui/table";
import { Avatar } from "@/components/ui/avatar";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Departments" };

const COLUMNS: Column[] = ["Department", { label: "Part of", className: "hidden md:table-cell" }, "Head", "Headcount"];

function NoDepartments({ isSearch, canWrite }: { isSearch: boolean; canWrite: boolean }) {
  const action = isSearch ? (
    <TextLink href="/departments">Clear the search</TextLink>
  ) : (
    canWrite && (
      <Link href="/departments/new" className={buttonClass()}>
        New department
      </Link>
    )
  );
  return (
    <EmptyState title={isSearch ? "No departments match this search" : "No departments yet"} testId="departments-empty" action={action}>
      {isSearch
        ? "Try part of the name or the code."
        : canWrite
          ? "Create the first department, then nest others under it."
          : "Departments HR creates will appear here."}
    </EmptyState>
  );
}

type DepartmentListRow = Awaited<ReturnType<typeof listDepartments>>["rows"][number];

// One department: its name and code, where it sits, its head, and its headcount against the largest.
function DepartmentRow({ department, largest, canWrite }: { department: DepartmentListRow; largest: number; canWrite: boolean }) {
  return (
    <Tr>
      <Td>
        <Link href={`/departments/${department.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline" data-testid="department-name">
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
  );
}

export default async function DepartmentsPage({ searchParams }: PageProps<"/departments">) {
  const user = await requirePermission("departments:read");
  const query = parseDepartmentQuery(await searchParams);
  const result = await listDepartments(user, query);
  const canWrite = can(user, "departments:write");
  const current = { q: query.q, pageSize: query.pageSize === 25 ? undefined : query.pageSize, page: result.page };
  const largest = Math.max(1, ...result.rows.map((row) => row.headcount));

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Departments"
        description={<>How the organisation is divided, who leads each part, and how many people are in it.</>}
        actions={
          <>
            <Link href="/org-chart" className={buttonClass({ variant: "secondary" })}>
              View org chart
            </Link>
            {canWrite && (
              <Link href="/departments/new" className={buttonClass()} data-testid="new-department">
                New department
              </Link>
            )}
          </>
        }
      />

      <SearchBar label="Search departments" action="/departments" placeholder="Name or code" query={query.q} />

      <PagedCard
        page={result}
        hrefFor={(page) => withParams("/departments", current, { page })}
        nouns={["department", "departments"]}
        empty={<NoDepartments isSearch={Boolean(query.q)} canWrite={canWrite} />}
      >
        <DataTable>
          <THead columns={canWrite ? [...COLUMNS, { label: "Actions", className: "text-right", isLabelHidden: true }] : COLUMNS} />
          <TBody data-testid="department-rows">
            {result.rows.map((department) => (
              <DepartmentRow key={department.id} department={department} largest={largest} canWrite={canWrite} />
            ))}
          </TBody>
        </DataTable>
      </PagedCard>
    </div>
  );
}
