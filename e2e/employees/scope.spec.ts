import { expect, test } from "@playwright/test";
import { DEMO_ORG, directoryTotal, searchDirectory, storageStateFor } from "../fixtures";

// Whose records each role sees (lib/auth/scope.ts): HR and admins everyone, a manager their
// reporting line, an employee only themselves; salaries only HR and admins.

for (const role of ["hr", "admin"] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test(`[EMPLOYEES]: ${role === "hr" ? "HR sees" : "an admin sees"} the whole organisation and salaries on profiles`, async ({ page }) => {
      // Specs may have added people by the time this runs; all demo people, and only they, are on the demo domain.
      await page.goto(`/employees?q=${DEMO_ORG.emailDomain}`);
      expect(await directoryTotal(page)).toBe(DEMO_ORG.employees);
      await page.goto("/employees");
      expect(await directoryTotal(page)).toBeGreaterThanOrEqual(DEMO_ORG.employees);

      await searchDirectory(page, DEMO_ORG.people.employee);
      await page.getByTestId("employee-name").filter({ hasText: DEMO_ORG.people.employee }).click();
      await expect(page.getByTestId("profile-name")).toHaveText(DEMO_ORG.people.employee);
      await expect(page.getByTestId("salary")).toHaveText(/^£[\d,]+(\.\d{2})?$/);
      await expect(page.getByRole("tab", { name: "Personal" })).toBeVisible();
    });
  });
}

test.describe("as the manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("[EMPLOYEES]: a manager sees only their reporting line, without salaries", async ({ page }) => {
    await page.goto("/employees?pageSize=100");
    const total = await directoryTotal(page);
    expect(total).toBeGreaterThan(1);
    expect(total).toBeLessThan(DEMO_ORG.employees);
    const rows = page.getByTestId("directory-rows").getByRole("row");
    await expect(rows).toHaveCount(total);
    // The VP Engineering's line is Engineering, themselves included.
    const departments = await page.getByTestId("directory-rows").locator("td:nth-child(3)").allTextContents();
    expect(new Set(departments)).toEqual(new Set(["Engineering"]));
    await expect(page.getByTestId("employee-name").filter({ hasText: DEMO_ORG.people.manager })).toHaveCount(1);

    // HR's Head of People is outside the line: searching for her finds nobody.
    await searchDirectory(page, DEMO_ORG.people.hr);
    await expect(page.getByTestId("directory-empty")).toContainText("No employees match these filters");

    // Someone two levels down is inside it; their profile shows no pay or personal data.
    await searchDirectory(page, DEMO_ORG.people.employee);
    await page.getByTestId("employee-name").filter({ hasText: DEMO_ORG.people.employee }).click();
    await expect(page.getByTestId("profile-name")).toHaveText(DEMO_ORG.people.employee);
    await expect(page.getByText("Annual base salary")).toHaveCount(0);
    await expect(page.getByTestId("salary")).toHaveCount(0);
    await expect(page.getByRole("tab", { name: "Personal" })).toHaveCount(0);
    await expect(page.getByTestId("edit-employee")).toHaveCount(0);
  });
});

test.describe("as the employee", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("[EMPLOYEES]: an employee sees exactly one row, themselves, and no salary on their own profile", async ({ page }) => {
    await page.goto("/employees");
    await expect(page.getByTestId("directory-rows").getByRole("row")).toHaveCount(1);
    expect(await directoryTotal(page)).toBe(1);
    await expect(page.getByTestId("employee-name")).toHaveText(DEMO_ORG.people.employee);

    // A search for a colleague in the same team finds nobody.
    await searchDirectory(page, DEMO_ORG.employeeManager);
    await expect(page.getByTestId("directory-empty")).toBeVisible();

    await page.goto("/employees");
    await page.getByTestId("employee-name").click();
    await expect(page.getByTestId("profile-name")).toHaveText(DEMO_ORG.people.employee);
    // Their own personal data, but not their pay.
    await expect(page.getByRole("tab", { name: "Personal" })).toBeVisible();
    await expect(page.getByTestId("salary")).toHaveCount(0);
    await expect(page.getByText("Annual base salary")).toHaveCount(0);
    await expect(page.getByTestId("edit-employee")).toHaveCount(0);
    await expect(page.getByTestId("change-status")).toHaveCount(0);
  });
});
