import { expect, test, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { seriousAxeViolations } from "../axe";
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

// One test per role and page, so a slow page on a loaded machine has its own time budget and a
// violation names its page in the test title; the pages of a role share one browser context (a new
// context per page loads every script cold, which doubled the suite's time).
async function openAs(browser: Browser, options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

for (const role of DEMO_ROLES) {
  test.describe(`[A11Y]: pages the ${role} can open`, () => {
    test.describe.configure({ mode: "serial" });
    let session: { context: BrowserContext; page: Page } | undefined;
    test.beforeAll(async ({ browser }) => {
      session = await openAs(browser, { storageState: storageStateFor(role) });
    });
    test.afterAll(async () => {
      await session?.context.close();
    });
    for (const path of PAGES) {
      test(`${path} has no serious or critical axe violation`, async () => {
        const { page } = session!;
        const response = await page.goto(path);
        // Pages the role may not open answer 403; there is nothing of theirs to check.
        if (!response || response.status() >= 400) return;
        await settled(page);
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  });
}

test.describe("[LAYOUT]: no page scrolls sideways on a 390 px phone", () => {
  test.describe.configure({ mode: "serial" });
  let session: { context: BrowserContext; page: Page } | undefined;
  test.beforeAll(async ({ browser }) => {
    session = await openAs(browser, { storageState: storageStateFor("admin"), viewport: { width: 390, height: 844 } });
  });
  test.afterAll(async () => {
    await session?.context.close();
  });
  for (const path of PAGES) {
    test(`${path} fits 390 px`, async () => {
      const { page } = session!;
      const response = await page.goto(path);
      if (!response || response.status() >= 400) return;
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});
