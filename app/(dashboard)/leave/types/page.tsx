import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { describeCarryForward, describeEmploymentTypes, describeEntitlement } from "@/lib/leave-types/describe-leave-type";
import { listLeaveTypes } from "@/lib/leave-types/list-leave-types";
import { buttonClass } from "@/components/ui/button";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { SuccessNotice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Leave types" };

function Flag({ children, tone = "bg-slate-100 text-slate-700 ring-slate-500/20" }: { children: React.ReactNode; tone?: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{children}</span>;
}

export default async function LeaveTypesPage({ searchParams }: PageProps<"/leave/types">) {
  await requirePermission(LEAVE_ADMIN);
  const { saved, name } = await searchParams;
  const types = await listLeaveTypes();
  const savedName = typeof name === "string" ? name.slice(0, 60) : "The leave type";
  const notice = saved === "created" ? `${savedName} was created.` : saved === "updated" ? `${savedName} was saved.` : null;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Leave types"
        description={<>Each kind of leave and its policy: entitlement, accrual, carry-forward and the rules requests follow.</>}
        actions={
          <>
            <Link href="/leave/balances" className={buttonClass({ variant: "secondary" })}>
              Balances
            </Link>
            <Link href="/leave/types/new" className={buttonClass()} data-testid="new-leave-type">
              New leave type
            </Link>
          </>
        }
      />

      {notice && <SuccessNotice testId="leave-type-notice">{notice}</SuccessNotice>}

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {types.length === 0 ? (
          <EmptyState
            title="No leave types yet"
            testId="leave-types-empty"
            action={
              <>
                <Link href="/leave/types/new" className={buttonClass()}>
                  New leave type
                </Link>
              </>
            }
          >
            Create annual leave first; sick, unpaid and parental leave usually follow.
          </EmptyState>
        ) : (
          <DataTable>
            <THead>
              <Th>Leave type</Th>
              <Th>Entitlement</Th>
              <Th className="hidden lg:table-cell">Carry-forward</Th>
              <Th className="hidden md:table-cell">Rules</Th>
              <Th className="hidden xl:table-cell">Applies to</Th>
              <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">
                <span className="sr-only">Actions</span>
              </th>
            </THead>
            <TBody data-testid="leave-type-rows">
              {types.map((type) => (
                <tr key={type.id} className={type.isActive ? "hover:bg-slate-50" : "bg-slate-50/60 text-slate-500"}>
                  <Td>
                    <div className="flex items-center gap-3">
                      <span aria-hidden className="size-3 shrink-0 rounded-full" style={{ backgroundColor: type.color }} />
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900" data-testid="leave-type-name">
                          {type.name} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">{type.code}</span>
                        </p>
                        <p className="text-xs text-slate-500">
                          {type.isPaid ? "Paid" : "Unpaid"}
                          {!type.isActive && " · inactive"}
                          {type.requestCount > 0 && ` · ${type.requestCount} ${type.requestCount === 1 ? "request" : "requests"}`}
                        </p>
                      </div>
                    </div>
                  </Td>
                  <Td className="text-slate-700">{describeEntitlement(type)}</Td>
                  <Td className="hidden text-slate-700 lg:table-cell">{describeCarryForward(type)}</Td>
                  <Td className="hidden md:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {type.allowsHalfDays && <Flag>Half days</Flag>}
                      {type.requiresAttachment && <Flag>Attachment</Flag>}
                      {type.requiresHrApproval && <Flag tone="bg-amber-50 text-amber-800 ring-amber-600/20">HR approves</Flag>}
                      {type.maxConsecutiveDays !== null && <Flag>Max {type.maxConsecutiveDays} days</Flag>}
                    </div>
                  </Td>
                  <Td className="hidden text-slate-700 xl:table-cell">{describeEmploymentTypes(type.employmentTypes)}</Td>
                  <Td className="text-right">
                    <Link href={`/leave/types/${type.id}`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`Edit ${type.name}`}>
                      Edit
                    </Link>
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
