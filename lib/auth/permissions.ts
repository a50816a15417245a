// Roles map to named permissions here and nowhere else. Pages, actions and routes ask
// `can(user, "employees:create")`; none of them check a role by name.
export const ROLES = ["ADMIN", "HR", "MANAGER", "EMPLOYEE"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "employees:read", // the directory and profiles, within the role's scope
  "employees:read-sensitive", // salary, date of birth, personal contact and address
  "employees:create",
  "employees:update",
  "employees:change-status",
  "employees:update-own-contact", // phone, personal email, address, emergency contact of oneself
  "employees:import",
  "employees:export",
  "departments:read",
  "departments:write",
  "audit:read",
  "users:manage", // change a user's role, create sign-ins
  "system:status",
  "tokens:manage-own",
  "leave:approve", // decide on leave and attendance corrections of one's reports
  "leave:admin", // leave types, holidays, work week, balance adjustments; act for anyone
  "attendance:admin", // everyone's attendance and the monthly summary
  "payroll:manage", // structures, assignments, bank details, runs: create and calculate; everyone's payslips
  "payroll:approve", // approve a calculated run and mark it paid (never one's own calculation)
  "payroll:view-own", // one's own payslips
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: Permission[] = ["employees:read", "employees:update-own-contact", "departments:read", "tokens:manage-own", "payroll:view-own"];
const HR: Permission[] = [
  ...EVERYONE,
  "employees:read-sensitive",
  "employees:create",
  "employees:update",
  "employees:change-status",
  "employees:import",
  "employees:export",
  "departments:write",
  "audit:read",
  "leave:approve",
  "leave:admin",
  "attendance:admin",
  "payroll:manage",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set([...HR, "users:manage", "system:status", "payroll:approve"]),
  HR: new Set(HR),
  MANAGER: new Set([...EVERYONE, "employees:export", "leave:approve"]),
  EMPLOYEE: new Set(EVERYONE),
};

// Whose employee records a role sees: everyone, the manager's own reporting line (transitively),
// or only oneself.
export type Scope = "all" | "team" | "self";
export const ROLE_SCOPE: Record<Role, Scope> = { ADMIN: "all", HR: "all", MANAGER: "team", EMPLOYEE: "self" };

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", HR: "HR", MANAGER: "Manager", EMPLOYEE: "Employee" };

export type Principal = { id: string; role: Role; employeeId: string | null };

export function can(principal: Pick<Principal, "role"> | null | undefined, permission: Permission): boolean {
  return Boolean(principal && ROLE_PERMISSIONS[principal.role].has(permission));
}
