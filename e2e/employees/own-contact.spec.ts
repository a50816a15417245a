import { expect, test } from "@playwright/test";
import { DEMO_ORG, storageStateFor, uniqueToken } from "../fixtures";

test.use({ storageState: storageStateFor("employee") });

test.describe("[EMPLOYEES]: an employee's own record", () => {
  test("an employee updates their own contact details after fixing an invalid email", async ({ page }) => {
    const token = uniqueToken();
    await page.goto("/dashboard");
    await page.getByRole("link", { name: /My profile/ }).click();
    await expect(page.getByTestId("profile-name")).toHaveText(DEMO_ORG.people.employee);
    await page.getByRole("link", { name: "Edit my contact details" }).click();
    await expect(page).toHaveURL(/\/employees\/[^/]+\/contact$/);

    const form = page.getByTestId("contact-form");
    // Only contact fields are offered: no job, pay or status.
    await expect(form.getByLabel("Job title")).toHaveCount(0);
    await expect(form.getByLabel("Salary")).toHaveCount(0);

    await form.getByLabel("Personal email", { exact: true }).fill("edsger-at-home");
    await form.getByLabel("Home address", { exact: true }).fill(`${token} Canal Street\nManchester`);
    await form.getByLabel("Name", { exact: true }).fill("Ria Lovelace");
    await form.getByLabel("Relation", { exact: true }).fill("Sister");
    await form.getByLabel("Phone", { exact: true }).fill("+44 161 496 0000");
    await page.getByRole("button", { name: "Save my details" }).click();

    await expect(page.getByTestId("error-personalEmail")).toHaveText("Enter a valid email address.");
    await expect(form.getByLabel("Personal email", { exact: true })).toBeFocused();
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Ria Lovelace");

    await form.getByLabel("Personal email", { exact: true }).fill(`edsger.${token}@home.example`);
    await page.getByRole("button", { name: "Save my details" }).click();

    await expect(page).toHaveURL(/\?tab=contact&saved=contact$/);
    await expect(page.getByTestId("profile-notice")).toHaveText("Your contact details were saved.");
    const panel = page.getByRole("tabpanel");
    await expect(panel).toContainText(`edsger.${token}@home.example`);
    await expect(panel).toContainText(`${token} Canal Street`);
    await page.getByRole("tab", { name: "Emergency contact" }).click();
    await expect(panel).toContainText("Ria Lovelace");
    await expect(panel).toContainText("Sister");
    await expect(panel).toContainText("+44 161 496 0000");
  });

  test("an employee cannot open a colleague's profile, edit form or contact form", async ({ page }) => {
    await page.goto("/dashboard");
    await page.getByRole("link", { name: /My profile/ }).click();
    // Their manager's id, from the "Reports to" link on their own profile.
    const managerLink = page.getByTestId("manager-link");
    await expect(managerLink).toHaveText(DEMO_ORG.employeeManager);
    const managerPath = (await managerLink.getAttribute("href"))!;
    const ownPath = new URL(page.url()).pathname;

    // Their HTTP status is checked in e2e/auth/role-access.spec.ts.
    await page.goto(managerPath);
    await expect(page.getByTestId("not-found")).toContainText("This page does not exist");
    await expect(page.getByTestId("profile-name")).toHaveCount(0);
    await expect(page.getByText(DEMO_ORG.employeeManager)).toHaveCount(0);

    // A record outside one's scope does not exist for them, whatever the page under it.
    await page.goto(`${managerPath}/edit`);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByTestId("employee-form")).toHaveCount(0);

    await page.goto(`${managerPath}/contact`);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByTestId("contact-form")).toHaveCount(0);

    // Not even their own full edit form: that is HR's.
    await page.goto(`${ownPath}/edit`);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("employee-form")).toHaveCount(0);
  });
});
