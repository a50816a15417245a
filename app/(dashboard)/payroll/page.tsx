import type { Metadata } from "next";
import { ButtonLink, TextLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { toIsoDate } from "@/lib/leave/dates";
import { formatPay } from "@/lib/payroll/format";
import { listPayRuns } from "@/lib/payroll/list-runs";
import { NewRunForm } from "./new-run-form";
import { RunStatusPill } from "./run-status-pill";

export const metadata: Metadata = { title: "Payroll" };

export default async function PayrollPage() {
  const user = await requirePermission("payroll:manage");
  const [runs, schedules] = await Promise.all([
    listPayRuns(user, { page: 1, pageSize: 50 }),
    db.paySchedule.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const now = new Date();
  const defaultMonth = toIsoDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))).slice(0, 7);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Payroll"
        description="Pay runs move from draft to calculated to approved (by a second person) to paid. An approved run is locked."
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/payroll/adjustments" variant="secondary">
              One-off pay
            </ButtonLink>
            <ButtonLink href="/payroll/setup" variant="secondary">
              Setup
            </ButtonLink>
          </div>
        }
      />
      <Card title="Run a month">
        <NewRunForm schedules={schedules} defaultMonth={defaultMonth} />
      </Card>
      {runs.rows.length === 0 ? (
        <Card>
          <EmptyState title="No pay runs yet">Create one for a month above.</EmptyState>
        </Card>
      ) : (
        <Table testId="run-rows" label="Pay runs">
          <THead>
            <Th>Period</Th>
            <Th>Schedule</Th>
            <Th>Status</Th>
            <Th className="text-right">Employees</Th>
            <Th className="text-right">Net pay</Th>
            <Th className="text-right">Flagged</Th>
          </THead>
          <TBody>
            {runs.rows.map((run) => {
              const totals = run.totals ? (JSON.parse(run.totals) as { currencies: string[]; net: number }) : null;
              return (
                <Tr key={run.id}>
                  <Td>
                    <TextLink href={`/payroll/runs/${run.id}`}>
                      {toIsoDate(run.periodStart)} to {toIsoDate(run.periodEnd)}
                    </TextLink>
                  </Td>
                  <Td>{run.schedule.name}</Td>
                  <Td>
                    <RunStatusPill status={run.status} />
                  </Td>
                  <Td className="text-right tabular-nums">{run.employeeCount}</Td>
                  <Td className="text-right tabular-nums">{totals && totals.currencies.length === 1 ? formatPay(totals.net, totals.currencies[0]) : "–"}</Td>
                  <Td className="text-right tabular-nums">{run.flaggedCount || ""}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </div>
  );
}
