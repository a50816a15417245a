import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Demo accounts seeded by lib/seed/demo-data.ts (password "demo-password").
export const DEMO_ACCOUNTS = {
  admin: "admin@example.com",
  hr: "hr@example.com",
  manager: "manager@example.com",
  employee: "employee@example.com",
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export const DEMO_ROLES = Object.keys(DEMO_ACCOUNTS) as DemoRole[];

export const ROLE_LABELS: Record<DemoRole, string> = { admin: "Admin", hr: "HR", manager: "Manager", employee: "Employee" };

export function storageStateFor(role: DemoRole): string {
  return `test-results/.auth/${role}.json`;
}

// Facts of the demo organisation. The seed is deterministic (a seeded generator), so the same people
// hold the same posts on every run: the admin is the CEO, HR the Head of People, the manager the VP
// Engineering (their team is all of Engineering) and the employee a software engineer under them.
export const DEMO_ORG = {
  employees: 62,
  // Every demo work email is on this domain; people the specs create are not (see E2E_EMAIL_DOMAIN).
  emailDomain: "example.com",
  people: { admin: "Hedy Johnson", hr: "Aisha Okafor", manager: "Tim Fernández", employee: "Edsger Lovelace" } satisfies Record<DemoRole, string>,
  // The employee's line manager (the Engineering team lead).
  employeeManager: "Priya Johnson",
  // Heads and headcounts (people not terminated) by department, by name as the org chart sorts them.
  departments: [
    { name: "Executive Office", code: "EXEC", head: "Hedy Johnson", headcount: 1 },
    { name: "Customer Support", code: "SUP", head: "Jonas Spärck Jones", headcount: 9 },
    { name: "Engineering", code: "ENG", head: "Tim Fernández", headcount: 15 },
    { name: "Finance", code: "FIN", head: "Edsger Perlman", headcount: 5 },
    { name: "Marketing", code: "MKT", head: "Mary Nilsson", headcount: 5 },
    { name: "People & Culture", code: "PEOPLE", head: "Aisha Okafor", headcount: 5 },
    { name: "Product", code: "PROD", head: "James Suzuki", headcount: 5 },
    { name: "Sales", code: "SALES", head: "Emeka Berezin", headcount: 10 },
  ],
} as const;

// The database is shared by every spec in a run, so people the specs create stay out of the demo
// numbers other specs count: their work emails are on their own domain (a search for the demo
// domain finds exactly the demo people), they join E2E_DEPARTMENT and report to nobody (so the
// manager's team and the other departments keep their demo headcounts).
export const E2E_EMAIL_DOMAIN = "e2e.test";
export const E2E_DEPARTMENT = { name: "Marketing", code: "MKT" } as const;

let counter = 0;

// A short token unique within a run (the database is fresh each run), for names, numbers and emails.
export function uniqueToken(): string {
  counter += 1;
  return `${Date.now().toString(36).slice(-5)}${counter}`;
}

export type CreatedEmployee = {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  name: string;
  employeeNumber: string;
  jobTitle: string;
  workEmail: string;
};

// Creates an employee through the JSON API as whoever `request` is signed in as (HR or admin), in
// E2E_DEPARTMENT with no manager. `page.request` shares the page's session cookie.
export async function createEmployee(request: APIRequestContext, overrides: Record<string, unknown> = {}): Promise<CreatedEmployee> {
  const token = uniqueToken();
  const departments = await request.get(`/api/v1/departments?q=${E2E_DEPARTMENT.code}`);
  expect(departments.status()).toBe(200);
  const department = ((await departments.json()).data as { id: string; code: string }[]).find((row) => row.code === E2E_DEPARTMENT.code);
  expect(department, `department ${E2E_DEPARTMENT.code} exists`).toBeDefined();
  const body = {
    employeeNumber: `T-${token}`.toUpperCase(),
    firstName: "Quinn",
    lastName: `Tester ${token}`,
    workEmail: `quinn.${token}@${E2E_EMAIL_DOMAIN}`,
    jobTitle: "Growth Marketer",
    employmentType: "FULL_TIME",
    hireDate: "2024-02-01",
    salary: 52000,
    salaryCurrency: "GBP",
    departmentId: department!.id,
    ...overrides,
  };
  const response = await request.post("/api/v1/employees", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  const { data } = await response.json();
  return {
    id: data.id,
    version: data.version,
    firstName: data.firstName,
    lastName: data.lastName,
    name: `${data.firstName} ${data.lastName}`,
    employeeNumber: data.employeeNumber,
    jobTitle: data.jobTitle,
    workEmail: data.workEmail,
  };
}

// Changes some fields of an employee through the JSON API, as someone else editing the record would.
export async function updateEmployee(
  request: APIRequestContext,
  employee: Pick<CreatedEmployee, "id" | "version">,
  changes: Record<string, unknown>,
): Promise<{ version: number }> {
  const response = await request.patch(`/api/v1/employees/${employee.id}`, { data: { version: employee.version, ...changes } });
  expect(response.status(), await response.text()).toBe(200);
  return { version: (await response.json()).data.version };
}

// The total in the directory's "Showing 1–25 of 62 employees", once the page has rendered it.
export async function directoryTotal(page: Page): Promise<number> {
  const summary = page.getByTestId("pagination-summary");
  await expect(summary).toHaveText(/of \d+ employees?/);
  return Number((await summary.textContent())!.match(/of (\d+)/)![1]);
}

// Searches the directory the way a person does: type, press Enter, wait for the URL to carry it.
export async function searchDirectory(page: Page, text: string): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill(text);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "(\\+|%20)")}`));
}

// Today as YYYY-MM-DD (UTC), the format of date inputs.
export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}
