import { dateFormatter, formatDate, formatMoney } from "@/lib/format";
import type { Tone } from "@/lib/tone";
import type { EMPLOYMENT_TYPES } from "@/lib/validations/employees";

// Shared by server pages and client forms, so nothing here touches the database.

export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export type EmployeeStatus = "ACTIVE" | "ON_LEAVE" | "TERMINATED";

export const EMPLOYEE_STATUS_LABELS: Record<EmployeeStatus, string> = { ACTIVE: "Active", ON_LEAVE: "On leave", TERMINATED: "Terminated" };
export const EMPLOYEE_STATUS_TONES: Record<EmployeeStatus, Tone> = { ACTIVE: "success", ON_LEAVE: "warning", TERMINATED: "neutral" };

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  FULL_TIME: "Full-time",
  PART_TIME: "Part-time",
  CONTRACTOR: "Contractor",
  INTERN: "Intern",
};

export { formatDate, formatMoney } from "@/lib/format";

// An audit time with its zone, since the history is read by people in several.
export function formatDateTime(value: Date): string {
  return dateFormatter({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(
    value,
  );
}

// The value a `type="date"` input expects.
export function toDateInput(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

// The salary as the form's text input shows it: major units, no grouping, no needless decimals.
export function centsToInput(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "" : String(cents / 100);
}

export const FIELD_LABELS: Record<string, string> = {
  employeeNumber: "Employee number",
  firstName: "First name",
  lastName: "Last name",
  workEmail: "Work email",
  phone: "Work phone",
  jobTitle: "Job title",
  departmentId: "Department",
  managerId: "Manager",
  employmentType: "Employment type",
  status: "Status",
  hireDate: "Hire date",
  exitDate: "Exit date",
  exitReason: "Exit reason",
  dateOfBirth: "Date of birth",
  personalEmail: "Personal email",
  address: "Home address",
  emergencyName: "Emergency contact",
  emergencyRelation: "Emergency contact's relation",
  emergencyPhone: "Emergency phone",
  salaryCents: "Salary",
  salaryCurrency: "Salary currency",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (first) => first.toUpperCase());
}

const DATE_FIELDS = new Set(["hireDate", "exitDate", "dateOfBirth"]);

// One side of an audited change, in words: ids become names, dates and money are formatted.
export function formatAuditValue(field: string, value: unknown, context: { names: Record<string, string>; currency: string }): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (DATE_FIELDS.has(field) && typeof value === "string") return formatDate(value);
  if (field === "salaryCents" && typeof value === "number") return formatMoney(value, context.currency);
  if (field === "status" && typeof value === "string" && value in EMPLOYEE_STATUS_LABELS) return EMPLOYEE_STATUS_LABELS[value as EmployeeStatus];
  if (field === "employmentType" && typeof value === "string" && value in EMPLOYMENT_TYPE_LABELS) return EMPLOYMENT_TYPE_LABELS[value as EmploymentType];
  if ((field === "departmentId" || field === "managerId") && typeof value === "string") return context.names[value] ?? "a record that no longer exists";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

// An employee as a page about them is headed: name, job title and department.
export function employeeHeading(employee: { id: string; firstName: string; lastName: string; jobTitle: string; department: { name: string } | null }) {
  return {
    id: employee.id,
    firstName: employee.firstName,
    lastName: employee.lastName,
    jobTitle: employee.jobTitle,
    department: employee.department?.name ?? null,
  };
}
