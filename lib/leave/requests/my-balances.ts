import "server-only";
import { db } from "@/lib/db";
import type { IsoDate } from "@/lib/leave/dates";
import { getBalances } from "@/lib/leave/ledger";
import { balanceAsOf, isUnlimited } from "./request-rules";

export type BalanceCard = {
  typeId: string;
  name: string;
  color: string;
  isUnlimited: boolean;
  // What a new request may still use.
  available: number;
  // In requests awaiting a decision.
  pending: number;
  // Approved leave this year, past and booked (net of cancellations).
  taken: number;
  // The ledger's sum today (entitlement so far less leave taken so far).
  balance: number;
};

// One person's balances for a year, every figure straight from the ledger (see ledger.ts), so
// what the cards show is what the lines add up to.
export async function getBalanceCards(employeeId: string, year: number, today: IsoDate): Promise<BalanceCard[]> {
  const balances = await getBalances(db, employeeId, year, balanceAsOf(year, today));
  return balances.map((item) => ({
    typeId: item.type.id,
    name: item.type.name,
    color: item.type.color,
    isUnlimited: isUnlimited(item.type),
    available: item.available,
    pending: item.pending,
    taken: -item.lines.filter((line) => line.kind === "TAKEN" || line.kind === "CANCELLED").reduce((sum, line) => sum + line.halfDays, 0),
    balance: item.balance,
  }));
}
