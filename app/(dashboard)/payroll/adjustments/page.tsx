import type { Metadata } from "next";
import { z } from "zod";
import { TextLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { toIsoDate } from "@/lib/leave/dates";
import { listPayAdjustments } from "@/lib/payroll/adjustments";
import { listPayrollEmployees } from "@/lib/payroll/payroll-employees";
import { AdjustmentForm } from "./adjustment-form";
import { AdjustmentList } from "./adjustment-list";

export const metadata: Metadata = { title: "One-off pay" };

const ZQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});

// Bonuses, recoveries and corrections for any period, including ones whose run is not created yet.
export default async function AdjustmentsPage({ searchParams }: PageProps<"/payroll/adjustments">) {
  const user = await requirePermission("payroll:manage");
  const { period } = ZQuery.parse(await searchParams);
  const [adjustments, employees] = await Promise.all([listPayAdjustments(user, { periodStart: period, page: 1, pageSize: 100 }), listPayrollEmployees(user)]);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        eyebrow={<TextLink href="/payroll">Payroll</TextLink>}
        title="One-off additions and deductions"
        description="A bonus, commission or an advance recovered, for one period. It joins that period's run when the run is calculated; once the run is approved it is paid and can no longer be removed."
      />
      <Card title="Add a one-off">
        <AdjustmentForm employees={employees} today={toIsoDate(new Date())} />
      </Card>
      <section className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold text-slate-700">
          {period ? `For the period starting ${formatDate(period)}` : "Latest one-offs and corrections"}
          {adjustments.total > adjustments.rows.length && ` (${adjustments.rows.length} of ${adjustments.total})`}
        </h2>
        <AdjustmentList
          rows={adjustments.rows}
          ownEmployeeId={user.employeeId}
          emptyText="Nothing entered yet. Corrections of approved payslips appear here too, in the period they are paid in."
        />
      </section>
    </div>
  );
}
