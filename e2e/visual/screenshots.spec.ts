import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_ROLES, storageStateFor, type DemoRole } from "../fixtures";

// Full-page screenshots of the main pages per role, for a person to look over (layout, overflow,
// contrast, empty states). Not an assertion suite: runs only when E2E_SHOTS_DIR names a folder, e.g.
//   E2E_SHOTS_DIR=/tmp/e2e-shots npx playwright test e2e/visual
const SHOTS_DIR = process.env.E2E_SHOTS_DIR;

test.skip(!SHOTS_DIR, "set E2E_SHOTS_DIR to take screenshots");

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;

const ERROR_CSV = [
  "employeeNumber,firstName,lastName,workEmail,jobTitle,departmentCode,employmentType,hireDate,salary",
  "SHOT-1,Ines,Example,ines.shot@e2e.test,Content Marketer,MKT,FULL_TIME,2025-02-30,50000",
  "SHOT-2,Omar,Example,not-an-email,Growth Marketer,NOPE,FULL_TIME,2025-02-03,lots",
  "SHOT-3,Avery-Jo Maximilian-Longname,Featherstonehaugh-Cholmondeley,avery.jo.featherstonehaugh-cholmondeley@e2e.test,Principal Senior Staff Brand and Content Strategy Manager,MKT,SOMETIMES,2025-03-03,60000",
  "SHOT-4,Lee,Valid,lee.shot@e2e.test,Brand Designer,MKT,FULL_TIME,2025-03-03,45000",
].join("\n");

async function shoot(page: Page, name: string) {
  // Each caller waits for its page's main element; fonts may still be loading.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  for (const role of DEMO_ROLES) {
    test.describe(`${role} on ${viewportName}`, () => {
      test.use({ storageState: storageStateFor(role as DemoRole), viewport });

      test(`screenshots of the main pages as ${role} (${viewportName})`, async ({ page }) => {
        test.setTimeout(120_000);
        mkdirSync(SHOTS_DIR!, { recursive: true });
        const prefix = `${viewportName}-${role}`;
        const isHr = role === "admin" || role === "hr";

        await page.goto("/dashboard");
        await expect(page.getByTestId("dashboard-greeting")).toBeVisible();
        await shoot(page, `${prefix}-dashboard`);

        await page.goto("/employees");
        await expect(page.getByTestId("pagination-summary")).toBeVisible();
        await shoot(page, `${prefix}-directory`);

        await page.goto(`/employees?q=${encodeURIComponent(DEMO_ORG.people.employee)}`);
        await page.getByTestId("employee-name").first().click();
        await expect(page.getByTestId("profile-name")).toHaveText(DEMO_ORG.people.employee);
        await shoot(page, `${prefix}-profile`);

        await page.goto("/org-chart");
        await expect(page.getByTestId("org-chart")).toBeVisible();
        await shoot(page, `${prefix}-org-chart`);

        await page.goto("/settings");
        await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
        await shoot(page, `${prefix}-settings`);

        if (isHr) {
          await page.goto("/employees/import");
          await page.locator('input[type="file"]').setInputFiles({ name: "errors.csv", mimeType: "text/csv", buffer: Buffer.from(ERROR_CSV) });
          await expect(page.getByTestId("import-rows")).toBeVisible();
          await shoot(page, `${prefix}-import-preview-errors`);

          await page.goto("/audit");
          await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
          await shoot(page, `${prefix}-audit`);

          await page.goto("/employees/new");
          await page.getByRole("button", { name: "Add employee" }).click();
          await expect(page.getByTestId("error-firstName")).toBeVisible();
          await shoot(page, `${prefix}-new-employee-errors`);
        } else {
          await page.goto("/audit");
          await expect(page.getByTestId("forbidden")).toBeVisible();
          await shoot(page, `${prefix}-forbidden`);
        }
        if (role === "admin") {
          await page.goto("/admin/users");
          await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
          await shoot(page, `${prefix}-users`);
          await page.goto("/admin/status");
          await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
          await shoot(page, `${prefix}-status`);
        }
        if (viewportName === "desktop") {
          await page.goto("/departments");
          await expect(page.getByRole("heading", { name: "Departments", exact: true })).toBeVisible();
          await shoot(page, `${prefix}-departments`);
        }
      });
    });
  }
}
