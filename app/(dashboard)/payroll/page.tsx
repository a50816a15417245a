import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { toIsoDate } from "@/lib/leave/dates";
import { formatPay } from "@/lib/payroll/format";
import { listPayRuns } from "@/lib/payroll/list-runs";
import { NewRunForm } from "./new-run-form";
import { RunStatusPill } from "./run-status-pill";
import { DataTable } from "@/components/ui/table";

export const metadata: Metadata = { title: "Payroll" };

export default async function PayrollPage() {
  const user = await requirePermission("payroll:manage");
  const [runs, schedules] = await Promise.all([listPayRuns(user, { page: 1, pageSize: 50 }), db.paySchedule.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } })]);
  const now = new Date();
  const defaultMonth = toIsoDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))).slice(0, 7);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Payroll</h1>
        <p className="mt-1 text-sm text-slate-600">Pay runs move from draft to calculated to approved (by a second person) to paid. An approved run is locked.</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <NewRunForm schedules={schedules} defaultMonth={defaultMonth} />
      </section>
      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {runs.rows.length === 0 ? (
          <p className="px-6 py-16 text-center text-sm text-slate-600">No pay runs yet: create one for a month above.</p>
        ) : (
          <DataTable data-testid="run-rows">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Period</th>
                <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Schedule</th>
                <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Status</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Employees</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Net pay</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Flagged</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.rows.map((run) => {
                const totals = run.totals ? (JSON.parse(run.totals) as { currencies: string[]; net: number }) : null;
                return (
                  <tr key={run.id} className="hover:bg-slate-50">
                    <td className="px-4 py-3">
                      <Link href={`/payroll/runs/${run.id}`} className="font-medium text-brand-700 hover:underline">
                        {toIsoDate(run.periodStart)} to {toIsoDate(run.periodEnd)}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-slate-700">{run.schedule.name}</td>
                    <td className="px-4 py-3">
                      <RunStatusPill status={run.status} />
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{run.employeeCount}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{totals && totals.currencies.length === 1 ? formatPay(totals.net, totals.currencies[0]) : "–"}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{run.flaggedCount || ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
