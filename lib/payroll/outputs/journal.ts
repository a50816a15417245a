import "server-only";
import { csvLine } from "./csv";
import { decimal, runPayslips } from "./run-rows";

// The accounting journal for a run: one balanced entry per currency. Earnings are salary expense
// (debit); employer contributions are expense (debit) and a liability (credit); deductions are
// liabilities to whoever collects them (credit); net pay is owed to employees (credit).
type Entry = { account: string; description: string; debit: number; credit: number };

export async function journalCsv(run: { id: string; payDate: Date }): Promise<string> {
  const byCurrency = new Map<string, Map<string, Entry>>();
  const post = (currency: string, account: string, description: string, debit: number, credit: number) => {
    const entries = byCurrency.get(currency) ?? new Map<string, Entry>();
    byCurrency.set(currency, entries);
    const entry = entries.get(account) ?? { account, description, debit: 0, credit: 0 };
    entry.debit += debit;
    entry.credit += credit;
    entries.set(account, entry);
  };
  for await (const payslip of runPayslips(run.id)) {
    for (const line of payslip.lines) {
      if (line.kind === "EARNING") post(payslip.currency, `EXPENSE:${line.code}`, `Salaries: ${line.name}`, line.amount, 0);
      else if (line.kind === "DEDUCTION") post(payslip.currency, `LIABILITY:${line.code}`, `Payable: ${line.name}`, 0, line.amount);
      else {
        post(payslip.currency, `EXPENSE:${line.code}`, `Employer cost: ${line.name}`, line.amount, 0);
        post(payslip.currency, `LIABILITY:${line.code}`, `Payable: ${line.name}`, 0, line.amount);
      }
    }
    post(payslip.currency, "LIABILITY:NET_PAY", "Net pay owed to employees", 0, payslip.net);
  }
  const date = run.payDate.toISOString().slice(0, 10);
  let text = csvLine(["Date", "Currency", "Account", "Description", "Debit", "Credit"]);
  for (const [currency, entries] of [...byCurrency].sort(([a], [b]) => a.localeCompare(b))) {
    for (const entry of [...entries.values()].sort((a, b) => a.account.localeCompare(b.account))) {
      // A negative expense (unpaid leave beyond earnings) is a credit, and so on.
      const net = entry.debit - entry.credit;
      text += csvLine([date, currency, entry.account, entry.description, net > 0 ? decimal(net, currency) : "", net < 0 ? decimal(-net, currency) : ""]);
    }
  }
  return text;
}
