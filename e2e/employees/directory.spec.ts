import { expect, test } from "@playwright/test";
import { DEMO_ORG, directoryTotal, storageStateFor } from "../fixtures";

test.use({ storageState: storageStateFor("hr") });

// The demo organisation has 62 people: 8 department heads and 54 others (see lib/seed/demo-data.ts).
// Other specs add people, on their own email domain; searching for the demo domain finds exactly the
// demo organisation, whichever specs ran before.
const DEMO_ONLY = `/employees?q=${DEMO_ORG.emailDomain}`;

test.describe("[EMPLOYEES]: the directory, as HR", () => {
  test("loads with the demo organisation, served by SQLite", async ({ page }) => {
    const response = await page.goto(DEMO_ONLY);
    expect(response?.headers()["x-db-backend"]).toBe("sqlite");
    await expect(page.getByRole("heading", { name: "Employees" })).toBeVisible();
    await expect(page.getByTestId("directory-rows").getByRole("row")).toHaveCount(25);
    await expect(page.getByTestId("pagination-summary")).toHaveText(/Showing 1–25 of 62 employees/);
    await expect(page.getByTestId("db-badge").first()).toHaveAttribute("data-backend", "sqlite");
  });

  test("searches by name and shows an empty state for no match", async ({ page }) => {
    await page.goto("/employees");
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("zzzz-nobody");
    await search.press("Enter");
    await expect(page).toHaveURL(/q=zzzz-nobody/);
    await expect(page.getByTestId("directory-empty")).toContainText("No employees match these filters");

    await page.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/employees$/);
    await expect(page.getByTestId("directory-empty")).toHaveCount(0);
    expect(await directoryTotal(page)).toBeGreaterThanOrEqual(DEMO_ORG.employees);

    // Pick a real name from the first row and find that person by typing part of it.
    const firstName = (await page.getByTestId("employee-name").first().textContent())!.trim();
    await search.fill(firstName.split(" ")[1]);
    await search.press("Enter");
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByTestId("employee-name").filter({ hasText: firstName })).toBeVisible();
    const names = await page.getByTestId("employee-name").allTextContents();
    for (const name of names) expect(name.toLowerCase()).toContain(firstName.split(" ")[1].toLowerCase());
  });

  test("filters by department and status", async ({ page }) => {
    await page.goto("/employees");
    await page.getByLabel("Department").selectOption({ label: "Engineering" });
    await expect(page).toHaveURL(/department=/);
    const departmentCells = page.getByTestId("directory-rows").locator("td:nth-child(3)");
    await expect(departmentCells.first()).toHaveText("Engineering");
    for (const text of await departmentCells.allTextContents()) expect(text).toBe("Engineering");

    await page.getByLabel("Department").selectOption({ label: "All departments" });
    await page.getByLabel("Status").selectOption({ label: "Terminated" });
    await expect(page).toHaveURL(/status=TERMINATED/);
    const statuses = await page.getByTestId("directory-rows").locator("td:nth-child(5)").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    for (const text of statuses) expect(text).toBe("Terminated");
  });

  test("paginates and sorts through the URL", async ({ page }) => {
    await page.goto(DEMO_ONLY);
    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("pagination-summary")).toHaveText(/Showing 26–50 of 62/);
    await page.getByRole("link", { name: "Page 3" }).click();
    await expect(page.getByTestId("pagination-summary")).toHaveText(/Showing 51–62 of 62/);
    await expect(page.getByTestId("directory-rows").getByRole("row")).toHaveCount(12);

    await page.goto("/employees?sort=hireDate&dir=desc");
    const hired = await page.getByTestId("directory-rows").locator("td:nth-child(6)").allTextContents();
    const dates = hired.map((text) => Date.parse(text));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await expect(page.getByRole("columnheader", { name: /Hired/ })).toHaveAttribute("aria-sort", "descending");
  });
});
