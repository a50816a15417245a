import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ROLES, storageStateFor } from "../fixtures";

// Every page a role can reach from its navigation, plus a detail page or two behind them.
const PAGES = [
  "/dashboard",
  "/leave",
  "/leave/request",
  "/leave/calendar",
  "/leave/approvals",
  "/leave/balances",
  "/leave/types",
  "/holidays",
  "/attendance",
  "/attendance/corrections",
  "/attendance/summary",
  "/employees",
  "/departments",
  "/org-chart",
  "/audit",
  "/notifications",
  "/admin/users",
  "/admin/status",
  "/admin/email",
  "/settings",
  "/settings/security",
  "/payroll",
  "/payroll/setup",
  "/payroll/payslips",
];

// A page is checked as its user reads it: streamed in, no loading placeholder (aria-busy) left.
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForLoadState("load");
}

// One test per role and one browser context for all its pages, to keep the suite cheap.
for (const role of DEMO_ROLES) {
  test(`[A11Y]: every page the ${role} can open has no serious or critical axe violation`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: storageStateFor(role) });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of PAGES) {
      const response = await page.goto(path);
      // Pages the role may not open answer 403; there is nothing of theirs to check.
      if (!response || response.status() >= 400) continue;
      await settled(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        found.push(`${path}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
      }
    }
    await context.close();
    expect(found).toEqual([]);
  });
}

test("[LAYOUT]: no page scrolls sideways on a 390 px phone", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: storageStateFor("admin"), viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const overflowing: string[] = [];
  for (const path of PAGES) {
    const response = await page.goto(path);
    if (!response || response.status() >= 400) continue;
    await settled(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) overflowing.push(`${path}: ${width} px`);
  }
  await context.close();
  expect(overflowing).toEqual([]);
});
