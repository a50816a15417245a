import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchBar } from "@/components/ui/filter-bar";
import { PagedCard } from "@/components/ui/paged-card";
import { requirePermission } from "@/lib/auth/current-user";
import { withParams } from "@/lib/search-params";
import { listEmployeesWithoutSignIn, listUsers } from "@/lib/users/list-users";
import { ZUserListQuery } from "@/lib/users/validations";
import { CreateSignInForm } from "./create-sign-in-form";
import { ActiveToggle, RoleForm } from "./user-controls";
import { formatDateTime } from "@/lib/format";
import { DataTable, TBody, Td, THead } from "@/components/ui/table";
import { EndUserSessionsButton } from "@/components/security/end-user-sessions-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: PageProps<"/admin/users">) {
  const actor = await requirePermission("users:manage");
  const params = await searchParams;
  const query = ZUserListQuery.parse({ q: [params.q].flat()[0], page: [params.page].flat()[0] });
  const [result, employees] = await Promise.all([listUsers(actor, query), listEmployeesWithoutSignIn(actor)]);
  const href = (page: number) => withParams("/admin/users", { q: query.q }, { page });
  const empty = <EmptyState title={query.q ? "No users match this search." : "No users yet."} testId="users-empty" />;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Users"
        description={<>Who can sign in, with which role. Role changes and deactivations take effect on the user&apos;s next request.</>}
      />

      <SearchBar label="Search users" action="/admin/users" placeholder="Email, name or employee number" query={query.q} />

      <PagedCard page={result} hrefFor={href} nouns={["user", "users"]} empty={empty}>
        <DataTable>
          <THead columns={["Email", "Employee", "Role", "Status", { label: "Last sign-in", className: "hidden lg:table-cell" }]} />
          <TBody data-testid="user-rows">
            {result.rows.map((row) => {
              const isSelf = row.id === actor.id;
              return (
                <tr key={row.id} className="align-top">
                  <Td className="font-medium text-slate-900">
                    {row.email}
                    {isSelf && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
                  </Td>
                  <Td className="text-slate-700">
                    {row.employee ? (
                      `${row.employee.firstName} ${row.employee.lastName} (${row.employee.employeeNumber})`
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </Td>
                  <Td>
                    <RoleForm userId={row.id} role={row.role} email={row.email} />
                  </Td>
                  <Td>
                    <div className="flex flex-col items-start gap-2">
                      <span className={`text-xs font-medium ${row.isActive ? "text-emerald-700" : "text-slate-500"}`}>
                        {row.isActive ? "Active" : "Deactivated"}
                      </span>
                      <ActiveToggle userId={row.id} email={row.email} isActive={row.isActive} isSelf={isSelf} />
                      {row.isActive && <EndUserSessionsButton userId={row.id} email={row.email} />}
                    </div>
                  </Td>
                  <Td className="hidden whitespace-nowrap text-slate-700 lg:table-cell">
                    {row.lastSignInAt ? `${formatDateTime(row.lastSignInAt)} UTC` : <span className="text-slate-500">Never</span>}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </DataTable>
      </PagedCard>

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-base font-semibold">Create a sign-in for an employee</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">For current employees without one. They can change the password in Settings.</p>
        <CreateSignInForm employees={employees} />
      </section>
    </div>
  );
}
