import { formatHalfDays } from "@/lib/leave/dates";
import { EMPLOYMENT_TYPE_LABELS, type EmploymentType } from "@/lib/employees/format";

// Plain-language summaries of a leave type's policy, for lists and forms. No database here, so
// server pages and client forms can share it.
type Policy = {
  yearlyHalfDays: number;
  accrual: "UPFRONT" | "MONTHLY";
  carryForwardMaxHalfDays: number;
  carryForwardExpiryMonths: number | null;
  maxConsecutiveDays: number | null;
  employmentTypes: string;
};

export function describeEntitlement(type: Pick<Policy, "yearlyHalfDays" | "accrual">): string {
  if (type.yearlyHalfDays === 0) return "No yearly limit";
  return `${formatHalfDays(type.yearlyHalfDays)} a year, ${type.accrual === "MONTHLY" ? "accrued monthly" : "credited upfront"}`;
}

export function describeCarryForward(type: Pick<Policy, "carryForwardMaxHalfDays" | "carryForwardExpiryMonths">): string {
  if (type.carryForwardMaxHalfDays === 0) return "None";
  const expiry =
    type.carryForwardExpiryMonths === null
      ? "never lapse"
      : `lapse after ${type.carryForwardExpiryMonths} ${type.carryForwardExpiryMonths === 1 ? "month" : "months"}`;
  return `Up to ${formatHalfDays(type.carryForwardMaxHalfDays)}; ${expiry}`;
}

export function describeEmploymentTypes(employmentTypes: string): string {
  const types = employmentTypes.split(",").filter(Boolean) as EmploymentType[];
  return types.length === 0 ? "Everyone" : types.map((type) => EMPLOYMENT_TYPE_LABELS[type] ?? type).join(", ");
}
