import { expect, test } from "@playwright/test";
import { storageStateFor } from "../fixtures";

test.describe("[PAYROLL]: setup", () => {
  test.use({ storageState: storageStateFor("hr") });

  test("[PAYROLL]: HR creates a weekly schedule, a tax year with brackets and sets the employer's account, each checked beside its field", async ({ page }) => {
    await page.goto("/payroll/setup");

    const schedule = page.getByTestId("schedule-form");
    await schedule.getByRole("textbox", { name: "Code", exact: true }).fill("E2E_WEEKLY");
    await schedule.getByRole("textbox", { name: "Name", exact: true }).fill("E2E weekly");
    await schedule.getByRole("combobox", { name: "Paid", exact: true }).selectOption("WEEKLY");
    await schedule.getByLabel("Tax rules").selectOption("NONE");
    await schedule.getByRole("button", { name: "Create schedule" }).click();
    await expect(schedule.getByTestId("error-anchorDate")).toBeVisible();
    await schedule.getByLabel("First day of a period").fill("2026-11-02");
    await schedule.getByRole("button", { name: "Create schedule" }).click();
    await expect(schedule.getByTestId("form-message")).toContainText("E2E weekly was created");
    await expect(page.getByTestId("schedule-rows")).toContainText("E2E weekly");
    await expect(page.getByTestId("schedule-rows").locator("tr", { hasText: "E2E weekly" })).toContainText("Weekly");

    const year = page.getByTestId("tax-year-form");
    await year.getByLabel("Tax code").fill("E2E_TAX");
    await year.getByLabel("Shown on payslips as").fill("E2E income tax");
    await year.getByLabel("Year starts").fill("2027-01-01");
    await year.getByLabel("Year ends").fill("2027-12-31");
    await year.getByLabel("Tax-free allowance a year").fill("10000");
    await year.getByLabel("Bracket 1: up to").fill("50000");
    await year.getByLabel("Bracket 1: rate in percent").fill("10");
    await year.getByLabel("Bracket 2: up to").fill("20000");
    await year.getByLabel("Bracket 2: rate in percent").fill("20");
    await year.getByLabel("Bracket 3: rate in percent").fill("30");
    await year.getByRole("button", { name: "Create tax year" }).click();
    await expect(year.getByTestId("error-brackets")).toContainText("above the one before");
    await year.getByLabel("Bracket 2: up to").fill("80000");
    await year.getByRole("button", { name: "Create tax year" }).click();
    await expect(year.getByTestId("form-message")).toContainText("E2E income tax (2027-01-01 to 2027-12-31) was created");
    const row = page.getByTestId("tax-year-rows").locator("tr", { hasText: "E2E income tax" });
    await expect(row).toContainText("10% to 50,000.00, 20% to 80,000.00, 30% above");

    const employer = page.getByTestId("employer-form");
    await employer.getByLabel("IBAN paid from").fill("DE00 3704 0044 0532 0130 00");
    await employer.getByRole("button", { name: "Save employer" }).click();
    await expect(employer.getByTestId("error-iban")).toContainText("not a valid IBAN");
    await employer.getByLabel("IBAN paid from").fill("DE89 3704 0044 0532 0130 00");
    await employer.getByLabel("BIC").fill("cobadeffxxx");
    await employer.getByRole("button", { name: "Save employer" }).click();
    await expect(employer.getByTestId("form-message")).toContainText("Bank files pay from this account");
    await page.reload();
    await expect(page.getByTestId("employer-form").getByLabel("IBAN paid from")).toHaveValue("DE89370400440532013000");
    await expect(page.getByTestId("employer-form").getByLabel("BIC")).toHaveValue("COBADEFFXXX");
  });

  test("[PAYROLL]: a refused component, structure or assignment keeps what was chosen and says what is wrong beside the field", async ({ page }) => {
    await page.goto("/payroll/setup");

    const component = page.getByTestId("component-form");
    await component.getByRole("textbox", { name: "Code", exact: true }).fill("E2E_BAD_FORMULA");
    await component.getByRole("textbox", { name: "Name", exact: true }).fill("Bad formula");
    await component.getByLabel("Kind").selectOption("DEDUCTION");
    await component.getByLabel("Worked out as").selectOption("FORMULA");
    await component.getByLabel("Formula").fill("BASIC * * 2");
    await component.getByLabel("Taken before tax").check();
    await component.getByRole("button", { name: "Add component" }).click();
    await expect(component.getByTestId("error-expression")).toBeVisible();
    await expect(component.getByLabel("Formula")).toBeFocused();
    await expect(component.getByLabel("Kind")).toHaveValue("DEDUCTION");
    await expect(component.getByLabel("Worked out as")).toHaveValue("FORMULA");
    await expect(component.getByLabel("Formula")).toHaveValue("BASIC * * 2");
    await expect(component.getByLabel("Taken before tax")).toBeChecked();
    await expect(page.getByTestId("component-list")).not.toContainText("Bad formula");

    const structure = page.getByTestId("structure-form");
    await structure.getByRole("textbox", { name: "Code", exact: true }).fill("bad code");
    await structure.getByRole("textbox", { name: "Name", exact: true }).fill("Refused structure");
    await structure.locator('input[name="components"][value="BASIC"]').check();
    await structure.getByRole("button", { name: "Create structure" }).click();
    await expect(structure.getByTestId("error-code")).toContainText("Capital letters");
    await expect(structure.locator('input[name="components"][value="BASIC"]')).toBeChecked();
    await expect(structure.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Refused structure");

    const assign = page.getByTestId("assign-form");
    const employee = assign.getByLabel("Employee");
    const someone = (await employee.locator("option").nth(3).getAttribute("value"))!;
    await employee.selectOption(someone);
    const structureChoice = assign.getByLabel("Structure");
    const lastStructure = (await structureChoice.locator("option").last().getAttribute("value"))!;
    await structureChoice.selectOption(lastStructure);
    await assign.getByLabel("Annual base pay").fill("lots");
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(assign.getByTestId("error-annualBase")).toBeVisible();
    await expect(employee).toHaveValue(someone);
    await expect(structureChoice).toHaveValue(lastStructure);
    await expect(assign.getByLabel("Annual base pay")).toHaveValue("lots");
  });
});
