import "server-only";
import { db } from "@/lib/db";
import { addDays, fromIsoDate, toIsoDate } from "@/lib/leave/dates";
import { log } from "@/lib/log";
import { writeSetting } from "@/lib/settings/settings";
import { approvePayRun, markPayRunPaid } from "./approve-run";
import { ibanFor } from "./bank-details";
import { calculatePayRun } from "./calculate-run";
import { createPayRun } from "./create-run";
import { UK_TAX_YEARS } from "./engine";
import { type PayrollUser } from "./run-access";
import { addPayAdjustment } from "./adjustments";
import { assignSalary, createPayComponent, createPaySchedule, createSalaryStructure } from "./setup";

// Demo payroll: two UK structures, a monthly schedule on PAYE and NI, an assignment and bank
// details for every demo employee, and the last two months' runs calculated by HR, approved and
// paid by the admin, so payslips are there at once. Called from the seed; does nothing when
// payroll is already set up.
const STANDARD = ["BASIC", "REMOTE", "PENSION", "ER_PENSION"];
const SUPPORT = ["BASIC", "SHIFT", "PENSION", "ER_PENSION"];

export async function seedDemoPayroll(today = new Date()): Promise<{ runs: number; payslips: number }> {
  if ((await db.salaryStructure.count({ where: { code: "STANDARD" } })) > 0) return { runs: 0, payslips: 0 };
  const hr = await demoUser("hr@example.com", "HR");
  const admin = await demoUser("admin@example.com", "ADMIN");

  // A database migrated with salaries already has BASIC.
  if (!(await db.payComponent.findUnique({ where: { code: "BASIC" }, select: { id: true } }))) {
    await createPayComponent(hr, { code: "BASIC", name: "Basic pay", kind: "EARNING", calculation: { type: "BASE_PAY" } });
  }
  await createPayComponent(hr, { code: "REMOTE", name: "Remote working allowance", kind: "EARNING", calculation: { type: "FIXED", amount: 2_500 } });
  await createPayComponent(hr, {
    code: "SHIFT",
    name: "Shift allowance",
    kind: "EARNING",
    calculation: { type: "FORMULA", expression: "PAID_DAYS >= 15 ? BASIC * 0.05 : 0" },
  });
  await createPayComponent(hr, {
    code: "PENSION",
    name: "Pension (net pay)",
    kind: "DEDUCTION",
    calculation: { type: "PERCENT", percent: "5", of: "GROSS" },
    isPreTax: true,
    max: 60_000,
  });
  await createPayComponent(hr, {
    code: "ER_PENSION",
    name: "Employer pension",
    kind: "EMPLOYER_CONTRIBUTION",
    calculation: { type: "PERCENT", percent: "3", of: "GROSS" },
  });
  const standard = await createSalaryStructure(hr, { code: "STANDARD", name: "Standard (UK)", currency: "GBP", componentCodes: STANDARD });
  const support = await createSalaryStructure(hr, { code: "SUPPORT", name: "Customer support (UK)", currency: "GBP", componentCodes: SUPPORT });
  await writeSetting("payroll-employer", { name: "HRMS Demo Ltd", iban: ibanFor("GB", "NWBK60161331926819"), bic: "NWBKGB2L" });
  const schedule = await createPaySchedule(hr, {
    code: "UK_MONTHLY",
    name: "UK monthly",
    frequency: "MONTHLY",
    taxRules: "UK",
    taxYearStart: "04-06",
    prorationBasis: "CALENDAR_DAYS",
  });

  const employees = await db.employee.findMany({
    where: { salaryCents: { not: null } },
    select: { id: true, firstName: true, lastName: true, hireDate: true, salaryCents: true, department: { select: { code: true } } },
    orderBy: { employeeNumber: "asc" },
  });
  for (const [index, employee] of employees.entries()) {
    const structureId = employee.department?.code === "SUP" ? support.id : standard.id;
    // Nobody assigns their own pay: HR's own assignment is the admin's.
    await assignSalary(employee.id === hr.employeeId ? admin : hr, {
      employeeId: employee.id,
      structureId,
      scheduleId: schedule.id,
      effectiveFrom: toIsoDate(employee.hireDate),
      baseAmount: employee.salaryCents!,
      taxCode: index % 11 === 5 ? "1100L" : "1257L",
    });
    const sortCode = String(200_000 + ((index * 7_919) % 800_000)).padStart(6, "0");
    const account = String(10_000_000 + index * 104_729).slice(0, 8);
    await db.employee.update({
      where: { id: employee.id },
      data: {
        bankAccountName: `${employee.firstName} ${employee.lastName}`,
        sortCode,
        bankAccountNumber: account,
        iban: ibanFor("GB", `NWBK${sortCode}${account}`),
        bic: "NWBKGB2L",
      },
    });
  }

  // The last two whole months, oldest first so the second carries the first's year to date.
  const months = [2, 1].map((back) => {
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    return toIsoDate(first);
  });
  let runs = 0;
  for (const [index, month] of months.entries()) {
    const payDate = addDays(toIsoDate(new Date(Date.UTC(fromIsoDate(month).getUTCFullYear(), fromIsoDate(month).getUTCMonth() + 1, 1))), -1);
    if (!UK_TAX_YEARS.some((year) => year.startsOn <= payDate && payDate <= year.endsOn)) {
      log.info("demo payroll: no UK tax year shipped for this pay date; run not seeded", { payDate });
      continue;
    }
    if (index === months.length - 1) {
      for (const employee of employees.filter((_, position) => position % 6 === 0)) {
        await addPayAdjustment(employee.id === hr.employeeId ? admin : hr, {
          employeeId: employee.id,
          periodStart: month,
          code: "BONUS",
          name: "Quarterly bonus",
          kind: "EARNING",
          amount: 50_000,
          reason: "Quarterly targets met",
        });
      }
    }
    const run = await createPayRun(hr, { scheduleId: schedule.id, date: month, payDate });
    await calculatePayRun(hr, run.id, { today: toIsoDate(today) });
    await approvePayRun(admin, run.id);
    await markPayRunPaid(admin, run.id);
    runs += 1;
  }
  return { runs, payslips: await db.payslip.count() };
}

async function demoUser(email: string, role: "HR" | "ADMIN"): Promise<PayrollUser> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true, employeeId: true } });
  return user ?? { id: `demo-${role.toLowerCase()}`, email, role, employeeId: null };
}
