import { expect, test, type Page } from "@playwright/test";
import { E2E_DEPARTMENT, E2E_EMAIL_DOMAIN, searchDirectory, storageStateFor, uniqueToken } from "../fixtures";

test.use({ storageState: storageStateFor("hr") });

const HEADER = "employeeNumber,firstName,lastName,workEmail,jobTitle,departmentCode,employmentType,hireDate";

type Row = { number: string; firstName: string; lastName: string; email: string; hireDate: string; departmentCode: string };

function csvOf(rows: Row[]): Buffer {
  const lines = rows.map((row) =>
    [row.number, row.firstName, row.lastName, row.email, "Content Marketer", row.departmentCode, "FULL_TIME", row.hireDate].join(","),
  );
  return Buffer.from(`${HEADER}\n${lines.join("\n")}\n`, "utf8");
}

async function upload(page: Page, name: string, rows: Row[]) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: csvOf(rows) });
  await expect(page.getByRole("heading", { name: `Preview of ${name}` })).toBeVisible();
}

const stat = (page: Page, label: string) =>
  page
    .getByTestId("import-summary")
    .locator("div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd");

test("[EMPLOYEES]: HR imports a CSV: errors shown in their cells block it, the corrected file creates people, and a re-import changes nothing", async ({
  page,
}) => {
  const token = uniqueToken();
  const people: Row[] = [
    {
      number: `CSV-${token}-1`,
      firstName: "Ines",
      lastName: `Imported ${token}`,
      email: `ines.${token}@${E2E_EMAIL_DOMAIN}`,
      hireDate: "2025-01-13",
      departmentCode: E2E_DEPARTMENT.code,
    },
    {
      number: `CSV-${token}-2`,
      firstName: "Omar",
      lastName: `Imported ${token}`,
      email: `omar.${token}@${E2E_EMAIL_DOMAIN}`,
      hireDate: "2025-02-03",
      departmentCode: E2E_DEPARTMENT.code,
    },
  ];

  await page.goto("/employees");
  await page.getByTestId("import-csv").click();
  await expect(page).toHaveURL(/\/employees\/import$/);

  // First attempt: a date that does not exist and a department code nobody has.
  await upload(page, "new-hires.csv", [
    { ...people[0], hireDate: "2025-02-30" },
    { ...people[1], departmentCode: "NOPE" },
  ]);
  await expect(page.getByTestId("import-verdict")).toHaveText(/Fix the problems below/);
  await expect(page.getByTestId("import-commit")).toBeDisabled();
  await expect(stat(page, "Rows with errors")).toHaveText("2");
  await expect(stat(page, "New employees")).toHaveText("0");
  const badDate = page.locator(`[data-testid="import-row"][data-line="2"] [data-error="hireDate"]`);
  await expect(badDate).toContainText("2025-02-30");
  await expect(badDate).toContainText("That hire date is not a real date.");
  const badCode = page.locator(`[data-testid="import-row"][data-line="3"] [data-error="departmentCode"]`);
  await expect(badCode).toContainText("No department has the code “NOPE”.");
  // Only the faulty cells are marked.
  await expect(page.locator("[data-error]")).toHaveCount(2);

  // The corrected file: every row new, ready to import.
  await page.getByRole("button", { name: "Choose another file" }).click();
  await upload(page, "new-hires-fixed.csv", people);
  await expect(page.getByTestId("import-verdict")).toHaveText(/^Ready: 2 new employees, 0 updates\./);
  await expect(page.locator("[data-error]")).toHaveCount(0);
  await expect(page.getByTestId("import-row")).toHaveCount(2);
  for (const row of await page.getByTestId("import-row").all()) await expect(row.getByText("New", { exact: true })).toBeVisible();

  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-done")).toContainText("Import complete");
  await expect(page.getByTestId("import-done")).toContainText("2 employees created, 0 updated, 0 unchanged.");

  await page.getByRole("link", { name: "Go to the directory" }).click();
  await searchDirectory(page, token);
  await expect(page.getByTestId("employee-name")).toHaveText([`Ines Imported ${token}`, `Omar Imported ${token}`]);
  await expect(page.getByTestId("directory-rows").locator("td:nth-child(3)")).toHaveText([E2E_DEPARTMENT.name, E2E_DEPARTMENT.name]);

  // The same file again: every row is already there, so there is nothing to import.
  await page.goto("/employees/import");
  await upload(page, "new-hires-fixed.csv", people);
  await expect(page.getByTestId("import-verdict")).toHaveText("Every row already matches the directory: there is nothing to import.");
  await expect(stat(page, "Unchanged")).toHaveText("2");
  await expect(stat(page, "New employees")).toHaveText("0");
  await expect(page.getByTestId("import-commit")).toBeDisabled();
});
