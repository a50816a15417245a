import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { toIsoDate } from "@/lib/leave/dates";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDate, formatNumber } from "@/lib/format";
import { getEmployerSettings } from "@/lib/payroll/employer-settings";
import { UK_TAX_YEARS } from "@/lib/payroll/engine";
import { EmployerForm, ScheduleForm, TaxYearForm } from "./schedule-forms";
import { AssignForm, ComponentForm, StructureForm } from "./setup-forms";

const FREQUENCY_LABELS: Record<string, string> = { MONTHLY: "Monthly", SEMI_MONTHLY: "Twice a month", BI_WEEKLY: "Every two weeks", WEEKLY: "Weekly" };
const TAX_RULE_LABELS: Record<string, string> = { UK: "UK PAYE and NI", BRACKETS: "Progressive brackets", NONE: "No taxes" };
const METHOD_LABELS: Record<string, string> = { CUMULATIVE: "cumulative", NON_CUMULATIVE: "non-cumulative", ANNUALISED: "annualised" };

export const metadata: Metadata = { title: "Payroll setup" };

// Components, structures and assignments. Tax rules live on the pay schedule (see the README).
export default async function PayrollSetupPage() {
  const user = await requirePermission("payroll:manage");
  const [components, structures, schedules, employees, taxYears, employer] = await Promise.all([
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
    db.paySchedule.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        frequency: true,
        anchorDate: true,
        taxRules: true,
        taxYearStart: true,
        prorationBasis: true,
        deductAbsences: true,
        flagChangePercent: true,
        _count: { select: { assignments: true } },
      },
      orderBy: { name: "asc" },
    }),
    db.employee.findMany({
      where: { status: { not: "TERMINATED" } },
      select: { id: true, firstName: true, lastName: true, employeeNumber: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    db.taxYear.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        method: true,
        startsOn: true,
        endsOn: true,
        allowance: true,
        brackets: { select: { upTo: true, ratePercent: true }, orderBy: { position: "asc" } },
      },
      orderBy: [{ code: "asc" }, { startsOn: "desc" }],
    }),
    getEmployerSettings(user),
  ]);
  const ukYears = UK_TAX_YEARS.map((year) => year.label).join(", ");

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        eyebrow={<TextLink href="/payroll">Payroll</TextLink>}
        title="Payroll setup"
        description="Pay schedules and tax years, the employer's account, pay components, the structures made of them, and who is paid on which, from when."
      />
      <Card
        title="Pay schedules"
        description="How often people are paid, and the tax rules their pay is taxed by. The UK preset applies PAYE on each assignment's tax code and Class 1 National Insurance."
        testId="schedules"
      >
        {schedules.length === 0 ? (
          <EmptyState title="No pay schedules yet" size="sm">
            Create one below before assigning salaries.
          </EmptyState>
        ) : (
          <Table label="Pay schedules" testId="schedule-rows" className="mb-4">
            <THead>
              <Th>Schedule</Th>
              <Th>Paid</Th>
              <Th>Tax rules</Th>
              <Th>Tax year from</Th>
              <Th>Part periods</Th>
              <Th className="text-right">People</Th>
            </THead>
            <TBody>
              {schedules.map((schedule) => (
                <Tr key={schedule.id}>
                  <Td>
                    <span className="font-medium text-slate-900">{schedule.name}</span>{" "}
                    <span className="font-mono text-xs text-slate-500">{schedule.code}</span>
                  </Td>
                  <Td>
                    {FREQUENCY_LABELS[schedule.frequency] ?? schedule.frequency}
                    {schedule.anchorDate && <span className="block text-xs text-slate-500">from {formatDate(schedule.anchorDate)}</span>}
                  </Td>
                  <Td>
                    <Badge tone={schedule.taxRules === "UK" ? "info" : "neutral"}>{TAX_RULE_LABELS[schedule.taxRules] ?? schedule.taxRules}</Badge>
                  </Td>
                  <Td className="tabular-nums">{schedule.taxYearStart}</Td>
                  <Td>
                    {schedule.prorationBasis === "WORKING_DAYS" ? "Working days" : "Calendar days"}
                    {schedule.deductAbsences && <span className="block text-xs text-slate-500">absences unpaid</span>}
                  </Td>
                  <Td className="text-right tabular-nums">{schedule._count.assignments}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <ScheduleForm ukYears={ukYears} />
      </Card>
      <Card
        title="Tax years"
        description={`Progressive taxes for schedules on brackets: each year's allowance and brackets. The UK preset (${ukYears}) is built in and needs nothing here.`}
        testId="tax-years"
      >
        {taxYears.length === 0 ? (
          <EmptyState title="No bracket tax years" size="sm">
            Only needed for schedules on progressive brackets.
          </EmptyState>
        ) : (
          <Table label="Tax years" testId="tax-year-rows" className="mb-4">
            <THead>
              <Th>Tax</Th>
              <Th>Year</Th>
              <Th className="text-right">Allowance</Th>
              <Th>Brackets</Th>
            </THead>
            <TBody>
              {taxYears.map((year) => (
                <Tr key={year.id}>
                  <Td>
                    <span className="font-medium text-slate-900">{year.name}</span> <span className="font-mono text-xs text-slate-500">{year.code}</span>
                    <span className="block text-xs text-slate-500">{METHOD_LABELS[year.method] ?? year.method}</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {formatDate(year.startsOn)} to {formatDate(year.endsOn)}
                  </Td>
                  <Td className="text-right tabular-nums">{amount(year.allowance)}</Td>
                  <Td className="text-sm">
                    {year.brackets.map((bracket) => `${bracket.ratePercent}%${bracket.upTo === null ? " above" : ` to ${amount(bracket.upTo)}`}`).join(", ")}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <TaxYearForm />
      </Card>
      <Card title="Employer" description="The name and account bank files pay from. SEPA files need the IBAN; the BIC is optional." testId="employer">
        <EmployerForm initial={{ name: employer.name, iban: employer.iban ?? "", bic: employer.bic ?? "" }} />
      </Card>
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

// Tax years carry no currency: amounts in the schedule's major units.
function amount(minor: number): string {
  return formatNumber(minor / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
