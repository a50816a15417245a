import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_ORG } from "../fixtures";
import { leavePeriod, pageAs, workingRun } from "../leave/support";

// Moves focus with Tab (no mouse, no programmatic focus) until the control has it.
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

// Date inputs take their digits in the page's locale order; the context is en-US (MM/DD/YYYY).
async function typeDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split("-");
  await page.keyboard.type(`${month}${day}${year}`);
}

test.describe("[A11Y]: keyboard only", () => {
  test.use({ locale: "en-US" });

  test("[A11Y]: signing in, requesting leave and approving it work with the keyboard alone", async ({ browser }) => {
    test.setTimeout(90_000);
    // Sign in as the employee: Tab to each field, type, Enter to submit.
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await tabTo(page, page.getByLabel("Email"));
    await page.keyboard.type(DEMO_ACCOUNTS.employee);
    await tabTo(page, page.getByLabel("Password"));
    await page.keyboard.type("demo-password");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard/);

    // Request a day of annual leave: choose the type by typing its first letter, type the dates.
    const run = await workingRun(page.request, 6, 1);
    await page.goto("/leave/request");
    await tabTo(page, page.getByTestId("leave-type"));
    await page.keyboard.type("Annual");
    await expect(page.getByTestId("leave-type").locator("option:checked")).toHaveText(/Annual leave/);
    await tabTo(page, page.getByTestId("start-date"));
    await typeDate(page, run.start);
    await tabTo(page, page.getByTestId("end-date"));
    await typeDate(page, run.end);
    await expect(page.getByTestId("preview-cost")).toHaveText("1 day");
    await tabTo(page, page.getByTestId("submit-request"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/leave\/[0-9a-f-]{36}\?notice=submitted$/);
    await context.close();

    // HR approves it: Tab to the request's Approve button and press Enter.
    const hr = await pageAs(browser, "hr");
    await hr.goto("/leave/approvals");
    const approval = hr
      .getByTestId("approval")
      .filter({ hasText: DEMO_ORG.people.employee })
      .filter({ hasText: leavePeriod(run.start, run.end) });
    await tabTo(hr, approval.getByTestId("approve"), 200);
    await hr.keyboard.press("Enter");
    await expect(hr).toHaveURL(/\/leave\/approvals\?notice=approved$/);
    await expect(approval).toHaveCount(0);
    await hr.context().close();
  });
});
