import { expect, test } from "@playwright/test";
import { storageStateFor } from "../fixtures";

test.describe("[AUTH]: signing in and out", () => {
  test("a visitor is sent to sign in, sees an error for a wrong password, then signs in and out", async ({ page }) => {
    await page.goto("/employees");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Femployees/);

    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("error-email")).toHaveText("Enter your email address.");

    await page.getByLabel("Email").fill("hr@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("The email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue("hr@example.com");

    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/employees$/);
    await expect(page.getByTestId("current-role")).toHaveText("HR");

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "hrms_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/employees");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test.describe("an employee", () => {
    test.use({ storageState: storageStateFor("employee") });

    test("sees only themselves in the directory and is refused the status page", async ({ page }) => {
      await page.goto("/employees");
      await expect(page.getByTestId("directory-rows").getByRole("row")).toHaveCount(1);
      const response = await page.goto("/admin/status");
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    });
  });
});
