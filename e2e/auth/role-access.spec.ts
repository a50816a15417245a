import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_ORG, DEMO_ROLES, ROLE_LABELS, storageStateFor, type DemoRole } from "../fixtures";

// What each role may open (lib/auth/permissions.ts), seen from the browser: the links in the
// navigation, and the 403 page for the rest.
const RESTRICTED_PAGES = ["/admin/status", "/admin/users", "/audit", "/employees/import", "/employees/new"] as const;

const ALLOWED: Record<DemoRole, readonly (typeof RESTRICTED_PAGES)[number][]> = {
  admin: RESTRICTED_PAGES,
  hr: ["/audit", "/employees/import", "/employees/new"],
  manager: [],
  employee: [],
};

// Navigation links that follow a permission (app/(dashboard)/layout.tsx); links everyone has are
// not listed, so a new page for everyone does not break this spec.
const RESTRICTED_LINKS: Record<string, readonly DemoRole[]> = {
  "Leave approvals": ["admin", "hr", "manager"],
  "Leave balances": ["admin", "hr"],
  "Leave types": ["admin", "hr"],
  "Attendance summary": ["admin", "hr"],
  Payroll: ["admin", "hr"],
  "One-off pay": ["admin", "hr"],
  "Payroll setup": ["admin", "hr"],
  "Audit log": ["admin", "hr"],
  Users: ["admin"],
  "System status": ["admin"],
  "Email delivery": ["admin"],
};
const EVERYONE_LINKS = ["Dashboard", "Employees", "Departments", "Org chart", "Holidays", "Settings"];

test.describe("[AUTH]: each role signs in, sees only its pages and signs out", () => {
  for (const role of DEMO_ROLES) {
    test(`${role}: signs in, sees only the links the role allows, gets the 403 page for the others, and signs out`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(DEMO_ACCOUNTS[role]);
      await page.getByLabel("Password").fill("demo-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByTestId("current-role")).toHaveText(ROLE_LABELS[role]);
      await expect(page.getByTestId("current-user")).toHaveText(DEMO_ORG.people[role]);

      const nav = page.getByRole("navigation", { name: "Main" });
      for (const link of EVERYONE_LINKS) await expect(nav.getByRole("link", { name: link, exact: true })).toBeVisible();
      for (const [link, roles] of Object.entries(RESTRICTED_LINKS)) {
        const isShown = roles.includes(role);
        await expect(nav.getByRole("link", { name: link, exact: true }), `${role} ${isShown ? "sees" : "does not see"} ${link}`).toHaveCount(isShown ? 1 : 0);
      }

      // The HTTP status of a refusal is checked in its own test below.
      for (const path of RESTRICTED_PAGES) {
        await page.goto(path);
        const heading = page.getByRole("main").getByRole("heading", { level: 1 });
        if (ALLOWED[role].includes(path)) {
          await expect(heading).toBeVisible();
          await expect(page.getByTestId("forbidden")).toHaveCount(0);
        } else {
          await expect(heading, `${role} is refused ${path}`).toHaveText("You do not have access to this page");
          await expect(page.getByTestId("forbidden")).toBeVisible();
        }
      }

      // The employee directory's action buttons follow the same permissions.
      await page.goto("/employees");
      const canWrite = role === "admin" || role === "hr";
      await expect(page.getByTestId("add-employee")).toHaveCount(canWrite ? 1 : 0);
      await expect(page.getByTestId("import-csv")).toHaveCount(canWrite ? 1 : 0);
      await expect(page.getByTestId("export-csv")).toHaveCount(role === "employee" ? 0 : 1);

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      const session = (await page.context().cookies()).find((cookie) => cookie.name === "hrms_session");
      expect(session).toBeUndefined();
      await page.goto("/dashboard");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);
    });
  }
});

test.describe("[AUTH]: refusals over HTTP", () => {
  test.use({ storageState: storageStateFor("employee") });

  // Refusals are decided in layouts above the loading boundaries, so the status is real.
  test("an employee's refused pages answer HTTP 403, and a colleague's profile 404", async ({ page }) => {
    await page.goto("/dashboard");
    await page.getByRole("link", { name: /My profile/ }).click();
    const colleague = (await page.getByTestId("manager-link").getAttribute("href"))!;
    const own = new URL(page.url()).pathname;
    // A colleague outside one's scope does not exist for them (404, whatever the page under the
    // record); one's own HR edit form exists but is refused (403).
    const expected: Record<string, number> = {
      ...Object.fromEntries(RESTRICTED_PAGES.map((path) => [path, 403])),
      [colleague]: 404,
      [`${colleague}/edit`]: 404,
      [`${colleague}/contact`]: 404,
      [`${own}/edit`]: 403,
    };
    const actual: Record<string, number> = {};
    for (const path of Object.keys(expected)) actual[path] = (await page.request.get(path, { maxRedirects: 0 })).status();
    expect(actual).toEqual(expected);
  });
});
