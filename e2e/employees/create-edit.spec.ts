import { expect, test, type Page } from "@playwright/test";
import { createEmployee, E2E_DEPARTMENT, E2E_EMAIL_DOMAIN, isoToday, storageStateFor, uniqueToken, updateEmployee } from "../fixtures";

test.use({ storageState: storageStateFor("hr") });

// A form field by its whole label, with or without the required marker: "Name" (emergency contact)
// must not match "First name".
const field = (page: Page, label: string) => page.getByTestId("employee-form").getByLabel(new RegExp(`^${label}( \\*)?$`));

test.describe("[EMPLOYEES]: HR adds and edits employees", () => {
  test("a new employee is refused with field errors beside the fields, then created once fixed", async ({ page }) => {
    const token = uniqueToken();
    const firstName = "Noor";
    const lastName = `Created ${token}`;
    const number = `N-${token}`.toUpperCase();

    await page.goto("/employees");
    await page.getByTestId("add-employee").click();
    await expect(page).toHaveURL(/\/employees\/new$/);
    await field(page, "First name").fill(firstName);
    await field(page, "Employee number").fill(number);
    await field(page, "Job title").fill("Brand Designer");
    await field(page, "Work email").fill("noor-at-nowhere");
    await field(page, "Department").selectOption({ label: E2E_DEPARTMENT.name });
    await field(page, "Hire date").fill("2025-03-03");
    await field(page, "Salary").fill("61,500");
    await page.getByRole("button", { name: "Add employee" }).click();

    await expect(page.getByTestId("error-workEmail")).toHaveText("Enter a valid email address.");
    await expect(page.getByTestId("error-lastName")).toHaveText("Enter the last name.");
    await expect(page).toHaveURL(/\/employees\/new$/);
    // Each error is the description of its own input, and the first invalid field has focus.
    await expect(field(page, "Work email")).toHaveAttribute("aria-invalid", "true");
    await expect(field(page, "Work email")).toHaveAttribute("aria-describedby", /-error/);
    await expect(field(page, "Last name")).toHaveAttribute("aria-describedby", /-error/);
    await expect(field(page, "Last name")).toBeFocused();
    await expect(page.getByTestId("error-firstName")).toHaveCount(0);
    // What was typed is still there.
    await expect(field(page, "First name")).toHaveValue(firstName);
    await expect(field(page, "Employee number")).toHaveValue(number);
    await expect(field(page, "Work email")).toHaveValue("noor-at-nowhere");
    await expect(field(page, "Salary")).toHaveValue("61,500");
    await expect(field(page, "Department").locator("option:checked")).toHaveText(E2E_DEPARTMENT.name);

    await field(page, "Last name").fill(lastName);
    await field(page, "Work email").fill(`noor.${token}@${E2E_EMAIL_DOMAIN}`);
    await page.getByRole("button", { name: "Add employee" }).click();

    await expect(page).toHaveURL(/\/employees\/[^/?]+\?created=1$/);
    await expect(page.getByTestId("profile-notice")).toHaveText("Employee created.");
    await expect(page.getByTestId("profile-name")).toHaveText(`${firstName} ${lastName}`);
    await expect(page.getByTestId("salary")).toHaveText(/61,500\.00/);
    await expect(page.locator("#profile-panel")).toContainText(number);
    await expect(page.locator("#profile-panel")).toContainText(E2E_DEPARTMENT.name);
  });

  test("editing the job title shows a saved notice and the new title", async ({ page }) => {
    const employee = await createEmployee(page.request, { jobTitle: "Growth Marketer" });

    await page.goto(`/employees/${employee.id}`);
    await page.getByTestId("edit-employee").click();
    await expect(page).toHaveURL(new RegExp(`/employees/${employee.id}/edit$`));
    await expect(field(page, "Job title")).toHaveValue("Growth Marketer");
    await field(page, "Job title").fill("Head of Growth");
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(new RegExp(`/employees/${employee.id}\\?saved=profile$`));
    await expect(page.getByTestId("profile-notice")).toHaveText("Changes saved.");
    await expect(page.locator("#profile-panel")).toContainText("Head of Growth");
    const { data } = await (await page.request.get(`/api/v1/employees/${employee.id}`)).json();
    expect(data).toMatchObject({ jobTitle: "Head of Growth", version: employee.version + 1, salary: { amount: 52000, currency: "GBP" } });
  });

  test("the History tab shows who changed the job title, before → after", async ({ page }) => {
    const employee = await createEmployee(page.request, { jobTitle: "Growth Marketer" });
    await updateEmployee(page.request, employee, { jobTitle: "Head of Growth" });

    await page.goto(`/employees/${employee.id}?tab=history`);
    await expect(page.getByRole("tabpanel").getByRole("heading", { name: "History" })).toBeVisible();
    // The panel is rendered on the server, so it is complete once its heading shows.
    expect(await page.getByTestId("history-empty").count()).toBe(0);
    const entries = page.getByTestId("history").locator(":scope > li");
    await expect(entries).toHaveCount(2);
    const latest = entries.first();
    await expect(latest).toContainText("Updated by hr@example.com");
    await expect(latest.locator("dl > div")).toHaveCount(1);
    await expect(latest.locator("dl > div")).toHaveText(/^Job title:\s*Growth Marketer\s*→\s*Head of Growth$/);
    await expect(entries.last()).toContainText("Created the record by hr@example.com");
  });

  test("a stale edit is refused with a notice, and the other person's change is kept", async ({ page, context }) => {
    const employee = await createEmployee(page.request, { jobTitle: "Content Marketer" });

    // Two tabs open the same edit form; the second saves first.
    await page.goto(`/employees/${employee.id}/edit`);
    await expect(field(page, "Job title")).toHaveValue("Content Marketer");
    const other = await context.newPage();
    await other.goto(`/employees/${employee.id}/edit`);
    await field(other, "Job title").fill("Senior Content Marketer");
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(other.getByTestId("profile-notice")).toHaveText("Changes saved.");
    await other.close();

    await field(page, "Job title").fill("Content Lead");
    await field(page, "Work phone").fill("+44 20 7946 0000");
    await page.getByRole("button", { name: "Save changes" }).click();
    const notice = page.getByTestId("stale-notice");
    await expect(notice).toContainText("This form is out of date");
    await expect(notice).toContainText("Someone else changed this employee after you opened the form.");
    await expect(notice).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`/employees/${employee.id}/edit$`));
    // The refused form keeps what was typed, so nothing is lost before the reload.
    await expect(field(page, "Job title")).toHaveValue("Content Lead");

    const stored = await page.request.get(`/api/v1/employees/${employee.id}`);
    const { data } = await stored.json();
    expect(data.jobTitle).toBe("Senior Content Marketer");
    expect(data.phone).toBeNull();
    expect(data.version).toBe(employee.version + 1);

    await notice.getByRole("link", { name: "Reload the latest version" }).click();
    await expect(field(page, "Job title")).toHaveValue("Senior Content Marketer");
    await expect(page.getByTestId("stale-notice")).toHaveCount(0);
  });

  test("terminating asks for an exit date and reason, and for confirmation", async ({ page }) => {
    const employee = await createEmployee(page.request);
    const today = isoToday();

    await page.goto(`/employees/${employee.id}`);
    await page.getByTestId("change-status").click();
    const dialog = page.getByRole("dialog", { name: "Change status" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Status").selectOption("TERMINATED");
    await dialog.getByLabel("Exit date").fill(today);
    await dialog.getByRole("button", { name: "Terminate…" }).click();

    // The confirmation names the person; confirming without a reason is refused beside the field.
    const confirmation = dialog.getByRole("alert").filter({ hasText: `Terminate ${employee.name}?` });
    await expect(confirmation).toBeVisible();
    await confirmation.getByRole("button", { name: "Yes, terminate" }).click();
    await expect(dialog.getByTestId("error-exitReason")).toHaveText("Enter the reason for leaving.");
    await expect(dialog.getByLabel("Exit date")).toHaveValue(today);

    await dialog.getByLabel("Reason for leaving").fill("Moved abroad");
    await dialog.getByRole("button", { name: "Terminate…" }).click();
    await dialog.getByRole("button", { name: "Yes, terminate" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByText("Status changed to terminated.")).toBeVisible();
    const header = page.getByTestId("profile-name").locator("..");
    await expect(header).toContainText("Terminated");
    const panel = page.locator("#profile-panel");
    await expect(panel).toContainText("Exit date");
    await expect(panel).toContainText("Moved abroad");

    const { data } = await (await page.request.get(`/api/v1/employees/${employee.id}`)).json();
    expect(data).toMatchObject({ status: "TERMINATED", exitDate: today, exitReason: "Moved abroad" });
  });
});
