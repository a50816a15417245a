import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { toIsoDate } from "@/lib/leave/dates";
import { AssignForm, ComponentForm, StructureForm } from "./setup-forms";

export const metadata: Metadata = { title: "Payroll setup" };

// Components, structures and assignments. Tax rules live on the pay schedule (see the README).
export default async function PayrollSetupPage() {
  await requirePermission("payroll:manage");
  const [components, structures, schedules, employees] = await Promise.all([
    db.payComponent.findMany({ select: { code: true, name: true, kind: true, calculation: true }, orderBy: { code: "asc" } }),
    db.salaryStructure.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        currency: true,
        components: { select: { component: { select: { code: true } } }, orderBy: { position: "asc" } },
        _count: { select: { assignments: true } },
      },
      orderBy: { code: "asc" },
    }),
    db.paySchedule.findMany({ select: { id: true, name: true, frequency: true, taxRules: true }, orderBy: { name: "asc" } }),
    db.employee.findMany({
      where: { status: { not: "TERMINATED" } },
      select: { id: true, firstName: true, lastName: true, employeeNumber: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  ]);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        eyebrow={<TextLink href="/payroll">Payroll</TextLink>}
        title="Payroll setup"
        description="Pay components, the structures made of them, and who is paid on which, from when."
      />
      <Card title="Components" description="Amounts are per full pay period; fixed earnings are prorated for joiners, leavers and unpaid leave.">
        <ul className="mb-4 grid gap-1 text-sm sm:grid-cols-2" data-testid="component-list">
          {components.map((component) => (
            <li key={component.code}>
              <span className="font-mono text-xs text-slate-500">{component.code}</span> {component.name}{" "}
              <span className="text-xs text-slate-500">
                ({component.kind.toLowerCase().replace("_", " ")}, {describe(component.calculation)})
              </span>
            </li>
          ))}
        </ul>
        <ComponentForm />
      </Card>
      <Card title="Structures">
        <ul className="mb-4 grid gap-1 text-sm" data-testid="structure-list">
          {structures.map((structure) => (
            <li key={structure.id}>
              <span className="font-medium">{structure.name}</span> <span className="font-mono text-xs text-slate-500">{structure.code}</span> ·{" "}
              {structure.currency} · {structure.components.map((item) => item.component.code).join(", ")} · {structure._count.assignments} assignments
            </li>
          ))}
        </ul>
        <StructureForm components={components} />
      </Card>
      <Card
        title="Assign a salary"
        description="A new assignment from its date; the employee's earlier ones stay, so a raise in the middle of a month is paid pro rata."
      >
        <AssignForm
          employees={employees.map((employee) => ({ id: employee.id, label: `${employee.lastName}, ${employee.firstName} (${employee.employeeNumber})` }))}
          structures={structures.map((structure) => ({ id: structure.id, label: structure.name }))}
          schedules={schedules.map((schedule) => ({
            id: schedule.id,
            label: `${schedule.name} (${schedule.taxRules === "UK" ? "UK PAYE and NI" : schedule.taxRules.toLowerCase()})`,
          }))}
          today={toIsoDate(new Date())}
        />
      </Card>
    </div>
  );
}

function describe(calculation: string): string {
  const parsed = JSON.parse(calculation) as { type: string; amount?: number; percent?: string; of?: string; expression?: string };
  if (parsed.type === "BASE_PAY") return "base pay";
  if (parsed.type === "FIXED") return `${((parsed.amount ?? 0) / 100).toFixed(2)} a period`;
  if (parsed.type === "PERCENT") return `${parsed.percent}% of ${parsed.of}`;
  return parsed.expression ?? "formula";
}
