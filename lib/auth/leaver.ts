// Whether a user's employee record says they have left: terminated, or past their exit date. A
// leaver cannot sign in, and their sessions and tokens stop working from that moment, whether or
// not the leaving has been carried out yet (lib/employees/offboarding.ts).
export type EmploymentFacts = { status: string; exitDate: Date | null } | null;

export function hasLeft(employee: EmploymentFacts, now = new Date()): boolean {
  if (!employee) return false;
  return employee.status === "TERMINATED" || Boolean(employee.exitDate && employee.exitDate.getTime() <= now.getTime());
}
