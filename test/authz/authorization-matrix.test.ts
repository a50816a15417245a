// The authorization matrix: every API route and method, and every server action (through the
// service it calls, since actions need Next's request context), for every role and for an
// anonymous caller, allowed or denied exactly as lib/auth/permissions.ts says. The permission map
// itself is spelled out below, so changing it means changing this test too.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission, Role } from "@/lib/auth/permissions";
import { openSqliteApp } from "@/test/helpers/test-app";

// Route handlers read the session cookie through next/headers, which needs Next's request scope;
// in this test nobody has a cookie, so anonymous means no credentials at all.
vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

type Caller = "anonymous" | Role;
const ROLE_LIST: Role[] = ["ADMIN", "HR", "MANAGER", "EMPLOYEE"];
const CALLERS: Caller[] = ["anonymous", ...ROLE_LIST];

// ---- The permission map, as a table: Y = granted.
const Y = true;
const _ = false;
// prettier-ignore
const PERMISSION_TABLE: [Permission, ADMIN: boolean, HR: boolean, MANAGER: boolean, EMPLOYEE: boolean][] = [
  ["employees:read",               Y, Y, Y, Y],
  ["employees:read-sensitive",     Y, Y, _, _],
  ["employees:create",             Y, Y, _, _],
  ["employees:update",             Y, Y, _, _],
  ["employees:change-status",      Y, Y, _, _],
  ["employees:update-own-contact", Y, Y, Y, Y],
  ["employees:import",             Y, Y, _, _],
  ["employees:export",             Y, Y, Y, _],
  ["departments:read",             Y, Y, Y, Y],
  ["departments:write",            Y, Y, _, _],
  ["audit:read",                   Y, Y, _, _],
  ["users:manage",                 Y, _, _, _],
  ["system:status",                Y, _, _, _],
  ["tokens:manage-own",            Y, Y, Y, Y],
  ["leave:approve",                Y, Y, Y, _],
  ["leave:admin",                  Y, Y, _, _],
  ["attendance:admin",             Y, Y, _, _],
  ["payroll:manage",               Y, Y, _, _],
  ["payroll:approve",              Y, _, _, _],
  ["payroll:view-own",             Y, Y, Y, Y],
];
const SCOPE_TABLE: Record<Role, "all" | "team" | "self"> = { ADMIN: "all", HR: "all", MANAGER: "team", EMPLOYEE: "self" };

let app: Awaited<ReturnType<typeof load>>;
const users = {} as Record<Role, CurrentUser>;
const tokens = {} as Record<Role, string>;
// Employees seen from the fixture's manager (VP Engineering) and employee (an engineer in that line).
const ids = { teamMate: "", outsider: "", department: "" };
// Payroll on a schedule of its own (no taxes, 2031), so the demo's runs do not matter: a paid run
// with everyone's payslip, a calculated one waiting for approval, a draft.
const payroll = { schedule: "", paidRun: "", calculatedRun: "", draftRun: "", ownPayslip: {} as Record<Role, string>, employeePayslip: "" };

function load() {
  return openSqliteApp("authz", async () => ({
    permissions: await import("@/lib/auth/permissions"),
    seed: await import("@/lib/seed/demo-data"),
    employeesService: await import("@/lib/employees/save-employee"),
    listEmployees: (await import("@/lib/employees/list-employees")).listEmployees,
    getEmployeeProfile: (await import("@/lib/employees/get-employee")).getEmployeeProfile,
    departmentsService: await import("@/lib/departments/save-department"),
    listDepartments: (await import("@/lib/departments/list-departments")).listDepartments,
    getDepartment: (await import("@/lib/departments/get-department")).getDepartment,
    usersList: await import("@/lib/users/list-users"),
    usersUpdate: await import("@/lib/users/update-user"),
    usersCreate: await import("@/lib/users/create-user"),
    parseDirectoryQuery: (await import("@/lib/validations/employees")).parseDirectoryQuery,
    holidays: await import("@/lib/holidays/save-holiday"),
    balancesReport: await import("@/lib/leave/balances-report"),
    routes: {
      session: await import("@/app/api/v1/session/route"),
      employees: await import("@/app/api/v1/employees/route"),
      employee: await import("@/app/api/v1/employees/[id]/route"),
      departments: await import("@/app/api/v1/departments/route"),
      department: await import("@/app/api/v1/departments/[id]/route"),
      payrollRuns: await import("@/app/api/v1/payroll/runs/route"),
      payrollRun: await import("@/app/api/v1/payroll/runs/[id]/route"),
      payrollCalculate: await import("@/app/api/v1/payroll/runs/[id]/calculate/route"),
      payrollApprove: await import("@/app/api/v1/payroll/runs/[id]/approve/route"),
      payrollPay: await import("@/app/api/v1/payroll/runs/[id]/pay/route"),
      payrollFiles: await import("@/app/api/payroll/runs/[id]/files/[file]/route"),
      payslips: await import("@/app/api/v1/payslips/route"),
      payslip: await import("@/app/api/v1/payslips/[id]/route"),
      payslipPdf: await import("@/app/api/v1/payslips/[id]/pdf/route"),
      payrollAdjustments: await import("@/app/api/v1/payroll/adjustments/route"),
      payrollAdjustment: await import("@/app/api/v1/payroll/adjustments/[id]/route"),
      payslipCorrections: await import("@/app/api/v1/payslips/[id]/corrections/route"),
    },
    payroll: {
      setup: await import("@/lib/payroll/setup"),
      runs: { ...(await import("@/lib/payroll/create-run")), ...(await import("@/lib/payroll/calculate-run")), ...(await import("@/lib/payroll/approve-run")) },
      adjustments: await import("@/lib/payroll/adjustments"),
      bankDetails: await import("@/lib/payroll/save-bank-details"),
      employer: await import("@/lib/payroll/employer-settings"),
    },
  }));
}

type Handler = (request: Request, context: { params: Promise<{ id: string; file: string }> }) => Promise<Response>;

async function call(
  handler: Handler,
  caller: Caller,
  init: { method?: string; id?: string; file?: string; body?: BodyInit; json?: unknown; query?: string } = {},
) {
  const headers = new Headers();
  if (caller !== "anonymous") headers.set("authorization", `Bearer ${tokens[caller]}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://test/api${init.query ?? ""}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const response = await handler(request, { params: Promise.resolve({ id: init.id ?? "", file: init.file ?? "" }) });
  return response.status;
}

let serial = 0;
function employeeInput() {
  serial += 1;
  return {
    employeeNumber: `AUTHZ-${serial}`,
    firstName: "Matrix",
    lastName: `Person ${serial}`,
    workEmail: `authz.${serial}@example.com`,
    jobTitle: "Tester",
    employmentType: "FULL_TIME" as const,
    hireDate: "2024-02-01",
  };
}

const versionOf = async (id: string) => (await app.db.employee.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const departmentVersion = async (id: string) => (await app.db.department.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

// ---- Every API route and method, with the exact status per caller. The CSV rows join only when
// their route files exist (they are written elsewhere).
type RouteCase = { route: string; permission: Permission | null; expect: Record<Caller, number>; run: (caller: Caller) => Promise<number> };

const ALL_2XX = (status: number) => ({ anonymous: 401, ADMIN: status, HR: status, MANAGER: status, EMPLOYEE: status });
const HR_ONLY = (status: number) => ({ anonymous: 401, ADMIN: status, HR: status, MANAGER: 403, EMPLOYEE: 403 });

const ROUTES: RouteCase[] = [
  {
    route: "POST /api/v1/session (correct credentials)",
    permission: null,
    expect: { anonymous: 200, ADMIN: 200, HR: 200, MANAGER: 200, EMPLOYEE: 200 },
    run: (caller) => {
      const email = caller === "anonymous" ? "employee@example.com" : users[caller].email;
      return call(app.routes.session.POST, "anonymous", { method: "POST", json: { email, password: app.seed.DEMO_PASSWORD } });
    },
  },
  {
    route: "DELETE /api/v1/session",
    permission: null,
    expect: { anonymous: 204, ADMIN: 204, HR: 204, MANAGER: 204, EMPLOYEE: 204 },
    run: (caller) => call(app.routes.session.DELETE, caller, { method: "DELETE" }),
  },
  { route: "GET /api/v1/employees", permission: "employees:read", expect: ALL_2XX(200), run: (caller) => call(app.routes.employees.GET, caller) },
  {
    route: "POST /api/v1/employees",
    permission: "employees:create",
    expect: HR_ONLY(201),
    run: (caller) => call(app.routes.employees.POST, caller, { method: "POST", json: employeeInput() }),
  },
  {
    route: "GET /api/v1/employees/:id (own record)",
    permission: "employees:read",
    expect: ALL_2XX(200),
    run: (caller) => call(app.routes.employee.GET, caller, { id: caller === "anonymous" ? ids.teamMate : users[caller].employeeId! }),
  },
  {
    route: "GET /api/v1/employees/:id (in the manager's reporting line)",
    permission: "employees:read",
    expect: { anonymous: 401, ADMIN: 200, HR: 200, MANAGER: 200, EMPLOYEE: 404 },
    run: (caller) => call(app.routes.employee.GET, caller, { id: ids.teamMate }),
  },
  {
    route: "GET /api/v1/employees/:id (outside the manager's line)",
    permission: "employees:read",
    expect: { anonymous: 401, ADMIN: 200, HR: 200, MANAGER: 404, EMPLOYEE: 404 },
    run: (caller) => call(app.routes.employee.GET, caller, { id: ids.outsider }),
  },
  {
    route: "PATCH /api/v1/employees/:id (in the manager's reporting line)",
    permission: "employees:update",
    expect: HR_ONLY(200),
    run: async (caller) =>
      call(app.routes.employee.PATCH, caller, {
        method: "PATCH",
        id: ids.teamMate,
        json: { version: await versionOf(ids.teamMate), jobTitle: `Edited by ${caller}` },
      }),
  },
  {
    route: "PATCH /api/v1/employees/:id (own record)",
    permission: "employees:update",
    expect: HR_ONLY(200),
    run: async (caller) => {
      const id = caller === "anonymous" ? ids.teamMate : users[caller].employeeId!;
      return call(app.routes.employee.PATCH, caller, { method: "PATCH", id, json: { version: await versionOf(id), phone: "+44 20 7946 1234" } });
    },
  },
  { route: "GET /api/v1/departments", permission: "departments:read", expect: ALL_2XX(200), run: (caller) => call(app.routes.departments.GET, caller) },
  {
    route: "POST /api/v1/departments",
    permission: "departments:write",
    expect: HR_ONLY(201),
    run: (caller) => call(app.routes.departments.POST, caller, { method: "POST", json: { name: `Matrix ${caller}`, code: `MX-${caller.slice(0, 4)}` } }),
  },
  {
    route: "GET /api/v1/departments/:id",
    permission: "departments:read",
    expect: ALL_2XX(200),
    run: (caller) => call(app.routes.department.GET, caller, { id: ids.department }),
  },
  {
    route: "PATCH /api/v1/departments/:id",
    permission: "departments:write",
    expect: HR_ONLY(200),
    run: async (caller) =>
      call(app.routes.department.PATCH, caller, {
        method: "PATCH",
        id: ids.department,
        json: { version: await departmentVersion(ids.department), name: `Engineering (${caller})` },
      }),
  },
];

// The CSV routes are another engineer's; their rows are part of the matrix once the files exist.
const IMPORT_ROUTE = resolve(process.cwd(), "app/api/employees/import/route.ts");
const EXPORT_ROUTE = resolve(process.cwd(), "app/api/employees/export/route.ts");
if (existsSync(IMPORT_ROUTE)) {
  ROUTES.push({
    route: "POST /api/employees/import?mode=preview",
    permission: "employees:import",
    expect: HR_ONLY(200),
    run: async (caller) => {
      const { POST } = (await import(/* @vite-ignore */ IMPORT_ROUTE)) as { POST: Handler };
      const row = employeeInput();
      const csv = `employeeNumber,firstName,lastName,workEmail,jobTitle,employmentType,hireDate\n${Object.values(row).join(",")}\n`;
      const form = new FormData();
      form.set("file", new File([csv], "employees.csv", { type: "text/csv" }));
      return call(POST, caller, { method: "POST", body: form, query: "?mode=preview" });
    },
  });
}
if (existsSync(EXPORT_ROUTE)) {
  ROUTES.push({
    route: "GET /api/employees/export",
    permission: "employees:export",
    expect: { anonymous: 401, ADMIN: 200, HR: 200, MANAGER: 200, EMPLOYEE: 403 },
    run: async (caller) => {
      const { GET } = (await import(/* @vite-ignore */ EXPORT_ROUTE)) as { GET: Handler };
      return call(GET, caller);
    },
  });
}

const APPROVER_ONLY = (status: number) => ({ anonymous: 401, ADMIN: status, HR: 403, MANAGER: 403, EMPLOYEE: 403 });
ROUTES.push(
  { route: "GET /api/v1/payroll/runs", permission: "payroll:manage", expect: HR_ONLY(200), run: (caller) => call(app.routes.payrollRuns.GET, caller) },
  {
    route: "POST /api/v1/payroll/runs",
    permission: "payroll:manage",
    expect: HR_ONLY(201),
    run: (caller) =>
      call(app.routes.payrollRuns.POST, caller, { method: "POST", json: { scheduleId: payroll.schedule, date: `2032-0${CALLERS.indexOf(caller) + 1}-01` } }),
  },
  {
    route: "GET /api/v1/payroll/runs/:id",
    permission: "payroll:manage",
    expect: HR_ONLY(200),
    run: (caller) => call(app.routes.payrollRun.GET, caller, { id: payroll.paidRun }),
  },
  {
    route: "POST /api/v1/payroll/runs/:id/calculate",
    permission: "payroll:manage",
    expect: HR_ONLY(200),
    run: (caller) => call(app.routes.payrollCalculate.POST, caller, { method: "POST", id: payroll.draftRun }),
  },
  {
    route: "POST /api/v1/payroll/runs/:id/approve (calculated by HR)",
    permission: "payroll:approve",
    expect: APPROVER_ONLY(200),
    run: (caller) => call(app.routes.payrollApprove.POST, caller, { method: "POST", id: payroll.calculatedRun }),
  },
  {
    route: "POST /api/v1/payroll/runs/:id/pay (approved)",
    permission: "payroll:approve",
    expect: APPROVER_ONLY(200),
    run: (caller) => call(app.routes.payrollPay.POST, caller, { method: "POST", id: payroll.calculatedRun }),
  },
  {
    route: "GET /api/payroll/runs/:id/files/register.csv",
    permission: "payroll:manage",
    expect: HR_ONLY(200),
    run: (caller) => call(app.routes.payrollFiles.GET, caller, { id: payroll.paidRun, file: "register.csv" }),
  },
  {
    route: "GET /api/payroll/runs/:id/files/bank-sepa.xml",
    permission: "payroll:manage",
    expect: HR_ONLY(200),
    run: (caller) => call(app.routes.payrollFiles.GET, caller, { id: payroll.paidRun, file: "bank-sepa.xml" }),
  },
  { route: "GET /api/v1/payslips", permission: "payroll:view-own", expect: ALL_2XX(200), run: (caller) => call(app.routes.payslips.GET, caller) },
  {
    route: "GET /api/v1/payslips/:id (own payslip)",
    permission: "payroll:view-own",
    expect: ALL_2XX(200),
    run: (caller) => call(app.routes.payslip.GET, caller, { id: caller === "anonymous" ? payroll.employeePayslip : payroll.ownPayslip[caller] }),
  },
  {
    route: "GET /api/v1/payslips/:id (the employee's, in the manager's line)",
    permission: "payroll:view-own",
    expect: { anonymous: 401, ADMIN: 200, HR: 200, MANAGER: 404, EMPLOYEE: 200 },
    run: (caller) => call(app.routes.payslip.GET, caller, { id: payroll.employeePayslip }),
  },
  {
    route: "GET /api/v1/payslips/:id/pdf (own payslip)",
    permission: "payroll:view-own",
    expect: ALL_2XX(200),
    run: (caller) => call(app.routes.payslipPdf.GET, caller, { id: caller === "anonymous" ? payroll.employeePayslip : payroll.ownPayslip[caller] }),
  },
  {
    route: "GET /api/v1/payslips/:id/pdf (the employee's, in the manager's line)",
    permission: "payroll:view-own",
    expect: { anonymous: 401, ADMIN: 200, HR: 200, MANAGER: 404, EMPLOYEE: 200 },
    run: (caller) => call(app.routes.payslipPdf.GET, caller, { id: payroll.employeePayslip }),
  },
  {
    route: "GET /api/v1/payroll/adjustments",
    permission: "payroll:manage",
    expect: HR_ONLY(200),
    run: (caller) => call(app.routes.payrollAdjustments.GET, caller, { query: "?period=2031-03-01" }),
  },
  {
    route: "POST /api/v1/payroll/adjustments (the team mate's, in the draft run's period)",
    permission: "payroll:manage",
    expect: HR_ONLY(201),
    run: (caller) =>
      call(app.routes.payrollAdjustments.POST, caller, {
        method: "POST",
        json: { employeeId: ids.teamMate, periodStart: "2031-03-10", kind: "EARNING", code: "BONUS", name: "Bonus", amount: 100, reason: `Matrix ${caller}` },
      }),
  },
  {
    route: "DELETE /api/v1/payroll/adjustments/:id",
    permission: "payroll:manage",
    expect: HR_ONLY(204),
    run: async (caller) => {
      const { id } = await app.payroll.adjustments.addPayAdjustment(users.HR, {
        employeeId: ids.teamMate,
        periodStart: "2031-03-01",
        code: "BONUS",
        name: "Bonus",
        kind: "EARNING",
        amount: 100,
        reason: "To be removed",
      });
      return call(app.routes.payrollAdjustment.DELETE, caller, { method: "DELETE", id });
    },
  },
  {
    route: "POST /api/v1/payslips/:id/corrections (the team mate's paid payslip)",
    permission: "payroll:manage",
    expect: HR_ONLY(201),
    run: async (caller) => {
      const payslip = await app.db.payslip.findFirstOrThrow({ where: { runId: payroll.paidRun, employeeId: ids.teamMate }, select: { id: true } });
      return call(app.routes.payslipCorrections.POST, caller, { method: "POST", id: payslip.id, json: { correctedGross: 99_999, reason: `Matrix ${caller}` } });
    },
  },
);

// ---- Every server action, through the service it calls with the acting user. Denied means the
// service refuses with a forbidden or not-found AppError; nothing is written.
type ActionCase = { action: string; permission: Permission; expect: Record<Role, "allow" | "deny">; run: (user: CurrentUser) => Promise<unknown> };

const HR_ACTION = { ADMIN: "allow", HR: "allow", MANAGER: "deny", EMPLOYEE: "deny" } as const;
const ADMIN_ACTION = { ADMIN: "allow", HR: "deny", MANAGER: "deny", EMPLOYEE: "deny" } as const;
const EVERYONE = { ADMIN: "allow", HR: "allow", MANAGER: "allow", EMPLOYEE: "allow" } as const;

async function throwawayUser(role: Role = "EMPLOYEE") {
  serial += 1;
  return app.db.user.create({ data: { email: `throwaway.${serial}@example.com`, passwordHash: "not-a-hash", role }, select: { id: true } });
}

const ACTIONS: ActionCase[] = [
  {
    action: "createHolidayAction → createHoliday",
    permission: "leave:admin",
    expect: HR_ACTION,
    run: (user) => app.holidays.createHoliday(user, { date: `2040-01-0${ROLE_LIST.indexOf(user.role) + 1}`, name: `Matrix ${user.role}`, isHalfDay: false }),
  },
  {
    action: "leave balances page → getBalancesReport",
    permission: "leave:admin",
    expect: HR_ACTION,
    run: (user) => app.balancesReport.getBalancesReport(user, app.balancesReport.parseBalancesQuery({})),
  },
  {
    action: "employees page → listEmployees",
    permission: "employees:read",
    expect: EVERYONE,
    run: (user) => app.listEmployees(user, app.parseDirectoryQuery({})),
  },
  {
    action: "employee profile → getEmployeeProfile (outside the manager's line)",
    permission: "employees:read",
    expect: { ADMIN: "allow", HR: "allow", MANAGER: "deny", EMPLOYEE: "deny" },
    run: (user) => app.getEmployeeProfile(user, ids.outsider),
  },
  {
    action: "createEmployeeAction → createEmployee",
    permission: "employees:create",
    expect: HR_ACTION,
    run: async (user) => app.employeesService.createEmployee(user, (await import("@/lib/validations/employees")).ZEmployeeInput.parse(employeeInput())),
  },
  {
    action: "updateEmployeeAction → updateEmployee",
    permission: "employees:update",
    expect: HR_ACTION,
    run: async (user) => {
      const { ZEmployeeInput } = await import("@/lib/validations/employees");
      const current = await app.db.employee.findUniqueOrThrow({ where: { id: ids.teamMate } });
      const input = ZEmployeeInput.parse({ ...current, salary: null, jobTitle: `Action edit by ${user.role}` });
      return app.employeesService.updateEmployee(user, ids.teamMate, current.version, input);
    },
  },
  {
    action: "changeStatusAction → changeEmployeeStatus",
    permission: "employees:change-status",
    expect: HR_ACTION,
    run: async (user) =>
      app.employeesService.changeEmployeeStatus(user, ids.teamMate, await versionOf(ids.teamMate), { status: "ACTIVE", exitDate: null, exitReason: null }),
  },
  {
    action: "updateOwnContactAction → updateOwnContact (own record)",
    permission: "employees:update-own-contact",
    expect: EVERYONE,
    run: async (user) => app.employeesService.updateOwnContact(user, user.employeeId!, await versionOf(user.employeeId!), { phone: "+44 20 7946 4321" }),
  },
  {
    action: "updateOwnContactAction → updateOwnContact (someone else's record)",
    permission: "employees:update-own-contact",
    expect: { ADMIN: "deny", HR: "deny", MANAGER: "deny", EMPLOYEE: "deny" },
    run: async (user) => app.employeesService.updateOwnContact(user, ids.outsider, await versionOf(ids.outsider), { phone: "+44 20 7946 9999" }),
  },
  { action: "departments page → listDepartments", permission: "departments:read", expect: EVERYONE, run: (user) => app.listDepartments(user, {}) },
  { action: "department page → getDepartment", permission: "departments:read", expect: EVERYONE, run: (user) => app.getDepartment(user, ids.department) },
  {
    action: "createDepartmentAction → createDepartment",
    permission: "departments:write",
    expect: HR_ACTION,
    run: (user) =>
      app.departmentsService.createDepartment(user, { name: `Action ${user.role}`, code: `ACT-${user.role.slice(0, 4)}`, parentId: null, headId: null }),
  },
  {
    action: "updateDepartmentAction → updateDepartment",
    permission: "departments:write",
    expect: HR_ACTION,
    run: async (user) => {
      const current = await app.db.department.findUniqueOrThrow({ where: { id: ids.department } });
      return app.departmentsService.updateDepartment(user, ids.department, current.version, {
        name: current.name,
        code: current.code,
        parentId: current.parentId,
        headId: current.headId,
      });
    },
  },
  { action: "users page → listUsers", permission: "users:manage", expect: ADMIN_ACTION, run: (user) => app.usersList.listUsers(user, { page: 1 }) },
  {
    action: "users page → listEmployeesWithoutSignIn",
    permission: "users:manage",
    expect: ADMIN_ACTION,
    run: (user) => app.usersList.listEmployeesWithoutSignIn(user),
  },
  {
    action: "changeRoleAction → changeUserRole",
    permission: "users:manage",
    expect: ADMIN_ACTION,
    run: async (user) => app.usersUpdate.changeUserRole(user, (await throwawayUser()).id, "MANAGER"),
  },
  {
    action: "setActiveAction → setUserActive",
    permission: "users:manage",
    expect: ADMIN_ACTION,
    run: async (user) => app.usersUpdate.setUserActive(user, (await throwawayUser()).id, false),
  },
  {
    action: "createSignInAction → createUserForEmployee",
    permission: "users:manage",
    expect: ADMIN_ACTION,
    run: async (user) => {
      const employee = await app.db.employee.create({ data: { ...employeeInput(), hireDate: new Date("2024-02-01T00:00:00Z") }, select: { id: true } });
      return app.usersCreate.createUserForEmployee(user, { employeeId: employee.id, role: "EMPLOYEE", passwordMode: "generate" });
    },
  },
  {
    action: "payroll setup → assignSalary",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: async (user) => {
      const structure = await app.db.salaryStructure.findFirstOrThrow({ select: { id: true } });
      return app.payroll.setup.assignSalary(user, {
        employeeId: ids.teamMate,
        structureId: structure.id,
        scheduleId: payroll.schedule,
        effectiveFrom: "2031-06-01",
        baseAmount: 5_000_000,
      });
    },
  },
  {
    action: "payroll setup → createPaySchedule",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) => app.payroll.setup.createPaySchedule(user, { code: `MX_${user.role}`, name: "Matrix", frequency: "SEMI_MONTHLY", taxRules: "NONE" }),
  },
  {
    action: "one-offs → addPayAdjustment",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) =>
      app.payroll.adjustments.addPayAdjustment(user, {
        employeeId: ids.teamMate,
        periodStart: "2031-05-01",
        code: "BONUS",
        name: "Bonus",
        kind: "EARNING",
        amount: 10_000,
        reason: "Matrix",
      }),
  },
  {
    action: "bank details → saveBankDetails (own record)",
    permission: "payroll:view-own",
    expect: EVERYONE,
    run: async (user) =>
      app.payroll.bankDetails.saveBankDetails(user, user.employeeId!, await versionOf(user.employeeId!), {
        bankAccountName: "Own",
        iban: null,
        bic: null,
        sortCode: "601613",
        bankAccountNumber: "31926819",
      }),
  },
  {
    action: "bank details → saveBankDetails (someone else's record)",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: async (user) =>
      app.payroll.bankDetails.saveBankDetails(user, ids.outsider, await versionOf(ids.outsider), {
        bankAccountName: "Other",
        iban: null,
        bic: null,
        sortCode: "601613",
        bankAccountNumber: "31926819",
      }),
  },
  {
    action: "one-offs → deletePayAdjustment",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: async (user) => {
      const { id } = await app.payroll.adjustments.addPayAdjustment(users.ADMIN, {
        employeeId: ids.teamMate,
        periodStart: "2031-05-01",
        code: "BONUS",
        name: "Bonus",
        kind: "EARNING",
        amount: 100,
        reason: "To be removed",
      });
      return app.payroll.adjustments.deletePayAdjustment(user, id);
    },
  },
  {
    action: "one-offs page → listPayAdjustments",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) => app.payroll.adjustments.listPayAdjustments(user, { page: 1, pageSize: 10 }),
  },
  {
    action: "one-offs → addPayAdjustment (own pay: nobody)",
    permission: "payroll:manage",
    expect: { ADMIN: "deny", HR: "deny", MANAGER: "deny", EMPLOYEE: "deny" },
    run: (user) =>
      app.payroll.adjustments.addPayAdjustment(user, {
        employeeId: user.employeeId!,
        periodStart: "2031-05-01",
        code: "BONUS",
        name: "Bonus",
        kind: "EARNING",
        amount: 10_000,
        reason: "For myself",
      }),
  },
  {
    action: "payroll setup → assignSalary (own pay: nobody)",
    permission: "payroll:manage",
    expect: { ADMIN: "deny", HR: "deny", MANAGER: "deny", EMPLOYEE: "deny" },
    run: async (user) => {
      const structure = await app.db.salaryStructure.findFirstOrThrow({ select: { id: true } });
      return app.payroll.setup.assignSalary(user, {
        employeeId: user.employeeId!,
        structureId: structure.id,
        scheduleId: payroll.schedule,
        effectiveFrom: "2031-06-01",
        baseAmount: 99_000_000,
      });
    },
  },
  {
    action: "payslip page → correctPayslip (the team mate's paid payslip)",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: async (user) => {
      const payslip = await app.db.payslip.findFirstOrThrow({ where: { runId: payroll.paidRun, employeeId: ids.teamMate }, select: { id: true } });
      return app.payroll.adjustments.correctPayslip(user, { payslipId: payslip.id, difference: 1_000, reason: `Matrix ${user.role}` });
    },
  },
  {
    action: "payslip page → correctPayslip (own payslip: nobody)",
    permission: "payroll:manage",
    expect: { ADMIN: "deny", HR: "deny", MANAGER: "deny", EMPLOYEE: "deny" },
    run: (user) => app.payroll.adjustments.correctPayslip(user, { payslipId: payroll.ownPayslip[user.role], difference: 1_000, reason: "For myself" }),
  },
  {
    action: "payroll setup → createPaySchedule (weekly)",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) =>
      app.payroll.setup.createPaySchedule(user, { code: `MXW_${user.role}`, name: "Weekly", frequency: "WEEKLY", anchorDate: "2031-01-06", taxRules: "NONE" }),
  },
  {
    action: "payroll setup → createTaxYear",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) =>
      app.payroll.setup.createTaxYear(user, {
        code: `MX_TAX_${user.role}`,
        name: "Matrix tax",
        startsOn: "2031-01-01",
        endsOn: "2031-12-31",
        brackets: [
          { upTo: 1_000_000, ratePercent: "10" },
          { upTo: null, ratePercent: "20" },
        ],
      }),
  },
  {
    action: "payroll setup → saveEmployerSettings",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) => app.payroll.employer.saveEmployerSettings(user, { name: "HRMS Demo Ltd", iban: "GB29NWBK60161331926819", bic: "NWBKGB2L" }),
  },
  {
    action: "bank details → getBankDetails (the team mate's, in the manager's line)",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) => app.payroll.bankDetails.getBankDetails(user, ids.teamMate),
  },
  {
    action: "bank details → getBankDetails (someone else's record)",
    permission: "payroll:manage",
    expect: HR_ACTION,
    run: (user) => app.payroll.bankDetails.getBankDetails(user, ids.outsider),
  },
];

beforeAll(async () => {
  app = await load();
  await app.seed.seedDemoData();
  const rows = await app.db.user.findMany({ select: { id: true, email: true, role: true, employeeId: true } });
  for (const row of rows) {
    users[row.role] = { id: row.id, email: row.email, role: row.role, employeeId: row.employeeId, name: row.email };
    tokens[row.role] = (await app.createApiToken(row.id, "matrix", null)).token;
  }
  const teamMate = await app.db.employee.findFirst({
    where: { managerId: users.MANAGER.employeeId, id: { not: users.EMPLOYEE.employeeId! } },
    select: { id: true },
  });
  ids.teamMate = teamMate!.id;
  ids.outsider = (await app.db.employee.findFirst({ where: { department: { code: "SALES" } }, select: { id: true } }))!.id;
  ids.department = (await app.db.department.findUniqueOrThrow({ where: { code: "ENG" }, select: { id: true } })).id;
  await setUpPayroll();
});

async function setUpPayroll() {
  const { setup, runs } = app.payroll;
  payroll.schedule = (await setup.createPaySchedule(users.HR, { code: "AUTHZ", name: "Matrix", frequency: "MONTHLY", taxRules: "NONE" })).id;
  const structure = await app.db.salaryStructure.findFirstOrThrow({ where: { code: "STANDARD" }, select: { id: true } });
  const people = await app.db.employee.findMany({ where: { salaryCents: { not: null } }, select: { id: true, salaryCents: true } });
  for (const person of people)
    // Nobody assigns their own pay: HR's own assignment is the admin's.
    await setup.assignSalary(person.id === users.HR.employeeId ? users.ADMIN : users.HR, {
      employeeId: person.id,
      structureId: structure.id,
      scheduleId: payroll.schedule,
      effectiveFrom: "2031-01-01",
      baseAmount: person.salaryCents!,
    });
  const run = async (date: string) => (await runs.createPayRun(users.HR, { scheduleId: payroll.schedule, date })).id;
  payroll.paidRun = await run("2031-01-01");
  await runs.calculatePayRun(users.HR, payroll.paidRun, { today: "2031-02-01" });
  await runs.approvePayRun(users.ADMIN, payroll.paidRun);
  await runs.markPayRunPaid(users.ADMIN, payroll.paidRun);
  payroll.calculatedRun = await run("2031-02-01");
  await runs.calculatePayRun(users.HR, payroll.calculatedRun, { today: "2031-03-01" });
  payroll.draftRun = await run("2031-03-01");
  const payslips = await app.db.payslip.findMany({ where: { runId: payroll.paidRun }, select: { id: true, employeeId: true } });
  for (const role of ROLE_LIST) payroll.ownPayslip[role] = payslips.find((payslip) => payslip.employeeId === users[role].employeeId)!.id;
  payroll.employeePayslip = payroll.ownPayslip.EMPLOYEE;
}

afterAll(async () => {
  await app?.closeDatabase();
});

describe("the permission map", () => {
  it("grants exactly the permissions in this table, and nothing else", async () => {
    const { PERMISSIONS, ROLE_PERMISSIONS, ROLES } = await import("@/lib/auth/permissions");
    expect([...ROLES].sort()).toEqual([...ROLE_LIST].sort());
    expect(PERMISSION_TABLE.map(([permission]) => permission).sort()).toEqual([...PERMISSIONS].sort());
    for (const [permission, ...granted] of PERMISSION_TABLE) {
      ROLE_LIST.forEach((role, index) => {
        expect({ role, permission, granted: ROLE_PERMISSIONS[role].has(permission) }).toEqual({ role, permission, granted: granted[index] });
      });
    }
  });

  it("scopes employee records: admins and HR see all, managers their line, employees themselves", async () => {
    const { ROLE_SCOPE } = await import("@/lib/auth/permissions");
    expect(ROLE_SCOPE).toEqual(SCOPE_TABLE);
  });

  it("agrees with every route and action below: allowed only with the permission, denied without it", () => {
    const has = (role: Role, permission: Permission) => PERMISSION_TABLE.find(([name]) => name === permission)![ROLE_LIST.indexOf(role) + 1];
    for (const row of ROUTES) {
      if (!row.permission) continue;
      expect(row.expect.anonymous, row.route).toBe(401);
      for (const role of ROLE_LIST) {
        const outcome = row.expect[role];
        if (outcome < 300) expect(has(role, row.permission), `${row.route} as ${role}`).toBe(true);
        if (!has(role, row.permission)) expect(outcome, `${row.route} as ${role}`).toBe(403);
      }
    }
    for (const row of ACTIONS) {
      for (const role of ROLE_LIST) {
        if (row.expect[role] === "allow") expect(has(role, row.permission), `${row.action} as ${role}`).toBe(true);
        if (!has(role, row.permission)) expect(row.expect[role], `${row.action} as ${role}`).toBe("deny");
      }
    }
  });
});

describe("API routes", () => {
  for (const row of ROUTES) {
    describe(row.route, () => {
      for (const caller of CALLERS) {
        const expected = row.expect[caller];
        it(`${caller}: ${expected < 300 ? "allowed" : "denied"} (${expected})`, async () => {
          expect(await row.run(caller)).toBe(expected);
        });
      }
    });
  }
});

describe("what each role sees of an employee in the manager's line", () => {
  // Salary needs employees:read-sensitive; personal data that, or being the person.
  const SEES: Record<Role, { salary: boolean; personal: boolean }> = {
    ADMIN: { salary: true, personal: true },
    HR: { salary: true, personal: true },
    MANAGER: { salary: false, personal: false },
    EMPLOYEE: { salary: false, personal: true },
  };
  for (const role of ROLE_LIST) {
    it(`${role}: salary ${SEES[role].salary ? "shown" : "hidden"}, personal data ${SEES[role].personal ? "shown" : "hidden"}`, async () => {
      // The employee can only see themselves; everyone else looks at the team mate.
      const id = role === "EMPLOYEE" ? users.EMPLOYEE.employeeId! : ids.teamMate;
      const response = await app.routes.employee.GET(new Request("http://test/api", { headers: { authorization: `Bearer ${tokens[role]}` } }), {
        params: Promise.resolve({ id }),
      });
      const { data } = await response.json();
      expect({ salary: data.salary !== null, personal: data.personal !== null }).toEqual(SEES[role]);
    });
  }
});

describe("server actions, through the services they call", () => {
  for (const row of ACTIONS) {
    describe(row.action, () => {
      for (const role of ROLE_LIST) {
        it(`${role}: ${row.expect[role]}`, async () => {
          const outcome = await row.run(users[role]).then(
            () => "allow",
            (error: unknown) => {
              const code = (error as { code?: string }).code;
              if (code === "forbidden" || code === "not_found") return "deny";
              throw error;
            },
          );
          expect(outcome).toBe(row.expect[role]);
        });
      }
    });
  }
});
