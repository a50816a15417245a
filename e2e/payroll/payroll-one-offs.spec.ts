import { expect, type Page, test } from "@playwright/test";
import { DEMO_ORG, storageStateFor } from "../fixtures";
import { pageAs } from "../leave/support";

// Next month's run, which neither the demo nor the month's pay run spec touches.
function nextMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
}

async function employeeIdOf(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/v1/employees?q=${encodeURIComponent(name.split(" ")[1])}&pageSize=100`);
  expect(response.status()).toBe(200);
  const rows = (await response.json()).data as { id: string; firstName: string; lastName: string }[];
  const found = rows.find((row) => `${row.firstName} ${row.lastName}` === name);
  expect(found, `${name} is in the directory`).toBeTruthy();
  return found!.id;
}

test.describe("[PAYROLL]: one-offs", () => {
  test.use({ storageState: storageStateFor("hr") });

  test("[PAYROLL]: HR adds a one-off bonus to next month's run, removes a mistaken one, and the bonus is a line with its reason on the payslip", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const [first, last] = DEMO_ORG.people.employee.split(" ");

    await page.goto("/payroll");
    const newRun = page.getByTestId("new-run-form");
    await newRun.locator('select[name="scheduleId"]').selectOption({ label: "UK monthly" });
    await newRun.locator('input[name="month"]').fill(nextMonth());
    await expect(newRun.locator('input[name="month"]')).toHaveValue(nextMonth());
    await newRun.getByRole("button", { name: "New run" }).click();
    await expect(page).toHaveURL(/\/payroll\/runs\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${nextMonth()}-01`);
    await expect(page.getByTestId("run-status")).toHaveText("Draft");

    const form = page.getByTestId("adjustment-form");
    const employee = form.getByLabel("Employee");
    const addOneOff = async (name: string, amount: string, reason: string) => {
      const option = employee.locator("option", { hasText: `${last}, ${first}` });
      await employee.selectOption((await option.getAttribute("value"))!);
      await form.getByLabel("Shown on the payslip as").fill(name);
      await form.getByLabel("Amount").fill(amount);
      await form.getByLabel("Reason").fill(reason);
      await form.getByRole("button", { name: "Add one-off" }).click();
      await expect(form.getByTestId("form-message")).toContainText(`${name} was added`);
    };

    // A missing reason is refused beside its field, and nothing typed is lost.
    const option = employee.locator("option", { hasText: `${last}, ${first}` });
    await employee.selectOption((await option.getAttribute("value"))!);
    await form.getByLabel("Shown on the payslip as").fill("Year-end bonus (e2e)");
    await form.getByLabel("Amount").fill("750.00");
    await form.getByRole("button", { name: "Add one-off" }).click();
    await expect(form.getByTestId("error-reason")).toBeVisible();
    await expect(form.getByLabel("Amount")).toHaveValue("750.00");

    await addOneOff("Year-end bonus (e2e)", "750.00", "Closed the year's books early");
    await addOneOff("Mistaken one-off (e2e)", "1.00", "Entered by mistake");
    const rows = page.getByTestId("adjustment-rows");
    await expect(rows).toContainText("Year-end bonus (e2e)");
    const mistaken = rows.locator("tr", { hasText: "Mistaken one-off (e2e)" });
    await mistaken.getByTestId("delete-adjustment").click();
    await page.getByRole("dialog").getByTestId("confirm").click();
    await expect(rows.locator("tr", { hasText: "Mistaken one-off (e2e)" })).toHaveCount(0);
    await expect(rows).toContainText("Year-end bonus (e2e)");

    await page.getByTestId("calculate-run").click();
    await expect(page.getByTestId("run-status")).toHaveText("Calculated", { timeout: 60_000 });
    await page.getByTestId("payslip-rows").getByRole("link", { name: DEMO_ORG.people.employee }).click();
    await expect(page).toHaveURL(/\/payroll\/payslips\/[\w-]+$/);
    const earnings = page.locator("section").filter({ has: page.getByRole("heading", { name: "Earnings", exact: true }) });
    await expect(earnings).toContainText("Year-end bonus (e2e)");
    await expect(earnings).toContainText("Closed the year's books early");
    await expect(earnings).toContainText("£750.00");
    await expect(page.getByText("Mistaken one-off (e2e)")).toHaveCount(0);
  });
});

test.describe("[PAYROLL]: bank details", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("[PAYROLL]: an employee keeps their own bank details, checked as they save; a manager cannot open them or the payroll pages", async ({
    page,
    browser,
  }) => {
    const id = await employeeIdOf(page, DEMO_ORG.people.employee);
    await page.goto(`/employees/${id}`);
    await page.getByTestId("bank-details-link").click();
    await expect(page.getByRole("heading", { name: "My bank details" })).toBeVisible();

    const form = page.getByTestId("bank-details-form");
    await form.getByLabel("IBAN").fill("GB00 NWBK 6016 1331 9268 19");
    await form.getByRole("button", { name: "Save bank details" }).click();
    await expect(form.getByTestId("error-iban")).toContainText("not a valid IBAN");

    await form.getByLabel("Account holder").fill(DEMO_ORG.people.employee);
    await form.getByLabel("IBAN").fill("GB29 NWBK 6016 1331 9268 19");
    await form.getByLabel("BIC").fill("nwbkgb2l");
    await form.getByLabel("Sort code").fill("60-16-13");
    await form.getByLabel("Account number").fill("31926819");
    await form.getByRole("button", { name: "Save bank details" }).click();
    await expect(form.getByTestId("form-message")).toContainText("Bank details saved");
    // A fresh visit (not a reload, which lets the browser put back what was typed) shows what was stored.
    await page.goto(`/employees/${id}`);
    await page.getByTestId("bank-details-link").click();
    await expect(form.getByLabel("IBAN")).toHaveValue("GB29NWBK60161331926819");
    await expect(form.getByLabel("BIC")).toHaveValue("NWBKGB2L");

    const manager = await pageAs(browser, "manager");
    await manager.goto(`/employees/${id}`);
    await expect(manager.getByTestId("profile-name")).toHaveText(DEMO_ORG.people.employee);
    await expect(manager.getByTestId("bank-details-link")).toHaveCount(0);
    expect((await manager.goto(`/employees/${id}/bank`))?.status()).toBe(404);
    expect((await manager.goto("/payroll/adjustments"))?.status()).toBe(403);
    expect((await manager.request.get("/api/v1/payroll/adjustments")).status()).toBe(403);
    await manager.goto(`/employees/${id}?tab=history`);
    await expect(manager.getByTestId("history")).toBeVisible();
    await expect(manager.getByTestId("history")).not.toContainText("GB29NWBK60161331926819");
    await manager.context().close();
  });
});
