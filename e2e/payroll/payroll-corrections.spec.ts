import { expect, test } from "@playwright/test";
import { DEMO_ORG, storageStateFor } from "../fixtures";

// The demo's September run is paid and locked; its payslips are corrected in a later run.
test.describe("[PAYROLL]: corrections", () => {
  test.use({ storageState: storageStateFor("hr") });

  test("[PAYROLL]: HR corrects a paid payslip: the difference becomes an arrears line with the reason in the next open run", async ({ page }) => {
    const listed = await (await page.request.get("/api/v1/payslips?pageSize=100")).json();
    const paid = (listed.data as { id: string; employee: { name: string }; runStatus: string; periodStart: string; periodEnd: string; gross: number }[])
      .filter((row) => row.employee.name === DEMO_ORG.people.employee && row.runStatus === "PAID")
      .sort((a, b) => a.periodStart.localeCompare(b.periodStart))[0];
    expect(paid, "the employee has a paid payslip").toBeTruthy();

    await page.goto(`/payroll/payslips/${paid.id}`);
    const card = page.getByTestId("payslip-corrections");
    await expect(card).toContainText("Correct this payslip");
    const form = card.getByTestId("correct-payslip-form");
    await form.getByLabel("Gross pay should have been").fill(String(paid.gross));
    await form.getByLabel("What was wrong").fill("Overtime on the last Friday was missed");
    await form.getByRole("button", { name: "Correct in the next open run" }).click();
    // The same amount as paid is no correction: said beside the field.
    await expect(form.getByTestId("error-correctedGross")).toBeVisible();

    await form.getByLabel("Gross pay should have been").fill((paid.gross + 120).toFixed(2));
    await form.getByRole("button", { name: "Correct in the next open run" }).click();
    await expect(form.getByTestId("form-message")).toContainText("The difference will be paid in the period starting");
    const label = `Arrears for ${paid.periodStart} to ${paid.periodEnd}`;
    await expect(card.getByTestId("adjustment-rows")).toContainText(label);
    await expect(card.getByTestId("adjustment-rows")).toContainText("£120.00");

    await page.goto("/payroll/adjustments");
    const row = page.getByTestId("adjustment-rows").locator("tr", { hasText: label });
    await expect(row).toContainText("Overtime on the last Friday was missed");
    await expect(row.getByRole("link", { name: "Corrected payslip" })).toHaveAttribute("href", `/payroll/payslips/${paid.id}`);
  });
});
