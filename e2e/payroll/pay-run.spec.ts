import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pdfText } from "../../lib/payroll/outputs/pdf-text.test-helper";
import { DEMO_ORG, storageStateFor } from "../fixtures";
import { pageAs } from "../leave/support";

// The demo has the last two months paid; these specs run this month's payroll.
test.describe("[PAYROLL]: a month's pay run", () => {
  test.use({ storageState: storageStateFor("hr") });

  test("[PAYROLL]: HR sets up a structure and assigns it, runs this month, reviews it, the admin approves and pays, and the employee downloads the payslip PDF", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const [employeeLast, employeeFirst] = [DEMO_ORG.people.employee.split(" ")[1], DEMO_ORG.people.employee.split(" ")[0]];
    const monthStart = new Date().toISOString().slice(0, 8) + "01";

    await page.goto("/payroll/setup");
    const component = page.getByTestId("component-form");
    await component.locator('input[name="code"]').fill("E2E_TRAVEL");
    await component.locator('input[name="name"]').fill("Travel allowance (e2e)");
    await component.locator('input[name="amount"]').fill("50.00");
    await component.getByRole("button", { name: "Add component" }).click();
    await expect(component.getByTestId("form-message")).toHaveText(/was created/);
    await expect(page.getByTestId("component-list")).toContainText("Travel allowance (e2e)");

    const structure = page.getByTestId("structure-form");
    await structure.locator('input[name="code"]').fill("E2E");
    await structure.locator('input[name="name"]').fill("E2E structure");
    for (const code of ["BASIC", "E2E_TRAVEL", "PENSION"]) await structure.locator(`input[name="components"][value="${code}"]`).check();
    await structure.getByRole("button", { name: "Create structure" }).click();
    await expect(structure.getByTestId("form-message")).toHaveText(/was created/);

    const assign = page.getByTestId("assign-form");
    const option = assign.locator('select[name="employeeId"] option', { hasText: `${employeeLast}, ${employeeFirst}` });
    await assign.locator('select[name="employeeId"]').selectOption((await option.getAttribute("value"))!);
    await assign.locator('select[name="structureId"]').selectOption({ label: "E2E structure" });
    await assign.locator('input[name="effectiveFrom"]').fill(monthStart);
    await assign.locator('input[name="annualBase"]').fill("48000");
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(assign.getByTestId("form-message")).toHaveText(/Assigned from/);

    await page.goto("/payroll");
    await expect(page.getByRole("heading", { name: "Payroll" })).toBeVisible();
    await expect(page.getByTestId("run-rows").getByTestId("run-status")).toHaveText(["Paid", "Paid"]);

    await page.getByTestId("new-run-form").getByRole("button", { name: "New run" }).click();
    await expect(page).toHaveURL(/\/payroll\/runs\/[\w-]+$/);
    const runUrl = page.url();
    await expect(page.getByTestId("run-status")).toHaveText("Draft");
    await page.getByTestId("calculate-run").click();
    await expect(page.getByTestId("run-status")).toHaveText("Calculated", { timeout: 60_000 });
    await expect(page.getByTestId("run-totals")).toContainText("Net pay");
    await expect(page.getByTestId("payslip-rows").getByRole("link", { name: DEMO_ORG.people.employee })).toBeVisible();
    // HR calculates; approving is someone else's.
    await expect(page.getByTestId("approve-run")).toHaveCount(0);

    const admin = await pageAs(browser, "admin");
    await admin.goto(runUrl);
    await admin.getByTestId("approve-run").click();
    await expect(admin.getByTestId("run-status")).toHaveText("Approved");
    await admin.getByTestId("pay-run").click();
    await expect(admin.getByTestId("run-status")).toHaveText("Paid");
    await admin.context().close();

    const employee = await pageAs(browser, "employee");
    await employee.goto("/payroll/payslips");
    await expect(employee.getByTestId("my-payslips").locator("tbody tr")).toHaveCount(3);
    const download = employee.waitForEvent("download");
    await employee.getByTestId("download-payslip").first().click();
    const file = await (await download).path();
    const text = pdfText(readFileSync(file));
    expect(text).toContain("Payslip");
    expect(text).toContain(DEMO_ORG.people.employee);
    expect(text).toContain("Net pay");
    expect(text).toContain("Tax year to date");
    expect(text).toContain("Travel allowance (e2e)");
    await employee.context().close();
  });
});

test.describe("[PAYROLL]: who sees pay", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("[PAYROLL]: a manager sees no one else's pay, on any page or in the API", async ({ page, browser }) => {
    const hr = await pageAs(browser, "hr");
    const listed = await (await hr.request.get("/api/v1/payslips?pageSize=100")).json();
    await hr.context().close();
    const employeePayslip = listed.data.find((row: { employee: { name: string } }) => row.employee.name === DEMO_ORG.people.employee);
    expect(employeePayslip).toBeTruthy();

    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: "Payroll", exact: true })).toHaveCount(0);
    const runs = await page.goto("/payroll");
    expect(runs?.status()).toBe(403);
    const payslip = await page.goto(`/payroll/payslips/${employeePayslip.id}`);
    expect(payslip?.status()).toBe(404);
    expect((await page.request.get(`/api/v1/payslips/${employeePayslip.id}`)).status()).toBe(404);
    expect((await page.request.get(`/api/v1/payslips/${employeePayslip.id}/pdf`)).status()).toBe(404);
    expect((await page.request.get("/api/v1/payroll/runs")).status()).toBe(403);
    const own = await (await page.request.get("/api/v1/payslips")).json();
    expect(own.data.every((row: { employee: { name: string } }) => row.employee.name === DEMO_ORG.people.manager)).toBe(true);
  });
});
