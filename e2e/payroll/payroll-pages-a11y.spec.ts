import { expect, test, type Page } from "@playwright/test";
import { seriousAxeViolations } from "../axe";
import { DEMO_ORG, storageStateFor } from "../fixtures";

// The payroll pages behind the navigation (a run, a payslip with its Correct form, one-off pay,
// setup, bank details) as HR reads them: no serious or critical axe violation.
async function violationsOn(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return seriousAxeViolations(page, `${path}: `);
}

test.describe("[PAYROLL]: accessibility", () => {
  test.use({ storageState: storageStateFor("hr") });

  test("[PAYROLL]: the run, payslip, one-off, setup and bank details pages have no serious or critical axe violation", async ({ page }) => {
    test.setTimeout(90_000);
    const runs = (await (await page.request.get("/api/v1/payroll/runs?status=PAID")).json()).data as { id: string }[];
    const payslips = (await (await page.request.get(`/api/v1/payslips?run=${runs[0].id}&pageSize=100`)).json()).data as {
      id: string;
      employee: { id: string; name: string };
    }[];
    const payslip = payslips.find((row) => row.employee.name === DEMO_ORG.people.employee)!;
    const found: string[] = [];
    for (const path of [
      `/payroll/runs/${runs[0].id}`,
      `/payroll/payslips/${payslip.id}`,
      "/payroll/adjustments",
      "/payroll/setup",
      `/employees/${payslip.employee.id}/bank`,
    ])
      found.push(...(await violationsOn(page, path)));
    expect(found).toEqual([]);
  });
});
