// A micro-benchmark, not a test: `npx tsx lib/payroll/engine/benchmark.ts`. Calculates 10,000
// payslips with a realistic mix (six components, two formulas, a cap, UK PAYE and NI, joiners,
// leavers, raises, unpaid leave and bonuses) and prints the time per employee.
import { calculatePayslip, type PayslipInput } from "./calculate-payslip";
import { REALISTIC_COMPONENTS } from "./realistic-mix";
import { type SalaryStructure } from "./structure";
import { ukPayrollSettings, ukTaxRules } from "./uk/preset";

const structure: SalaryStructure = {
  code: "STANDARD",
  name: "Standard",
  currency: "GBP",
  components: REALISTIC_COMPONENTS,
};

const COUNT = 10_000;
const inputs: PayslipInput[] = Array.from({ length: COUNT }, (_, index) => ({
  structure,
  period: { frequency: "MONTHLY", start: "2026-04-01", end: "2026-04-30" },
  payDate: "2026-04-30",
  employment: { hireDate: index % 20 === 0 ? "2026-04-13" : "2019-06-01", exitDate: index % 25 === 0 ? "2026-04-22" : null },
  basePay: [
    { effectiveFrom: "2019-06-01", amount: 2_400_000 + (index % 97) * 100_000, per: "YEAR" },
    ...(index % 10 === 0 ? [{ effectiveFrom: "2026-04-16", amount: 2_600_000 + (index % 97) * 100_000, per: "YEAR" as const }] : []),
  ],
  settings: ukPayrollSettings(),
  unpaidLeave:
    index % 7 === 0
      ? [
          { date: "2026-04-14", days: 1 },
          { date: "2026-04-15", days: 0.5 },
        ]
      : [],
  adjustments: index % 5 === 0 ? [{ code: "BONUS", name: "Bonus", kind: "EARNING", amount: 50_000, reason: "Quarterly bonus" }] : [],
  taxes: ukTaxRules({ taxCode: index % 13 === 0 ? "K300" : "1257L" }),
}));

function run(label: string, prepare: (input: PayslipInput) => PayslipInput) {
  const prepared = inputs.map(prepare);
  for (const input of prepared.slice(0, 500)) calculatePayslip(input); // warm up
  const started = process.hrtime.bigint();
  let lines = 0;
  for (const input of prepared) lines += calculatePayslip(input).lines.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${label}: ${COUNT} payslips, ${lines} lines in ${seconds.toFixed(2)} s = ${((seconds / COUNT) * 1e6).toFixed(0)} µs per employee`);
}

run("one shared structure", (input) => input);
run("a structure per employee (compiled every time)", (input) => ({ ...input, structure: structuredClone(structure) }));
