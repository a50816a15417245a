import { expect, test, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { createEmployee, storageStateFor } from "../fixtures";

// What an authenticator app shows for this key at that moment.
function codeAt(secret: string, at: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: at });
}

const PASSWORD = "a-long-enough-e2e-password";

async function signInWithPassword(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.locator("input[name=password]").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test.describe("[AUTH]: two-factor sign-in", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("a user turns on TOTP, then signs in with a code from the app and with a recovery code", async ({ page, browser }) => {
    // An admin gives a new employee a sign-in with a typed password (setup through the real pages).
    const person = await createEmployee(page.request);
    await page.goto("/admin/users");
    await page.locator("select[name=employeeId]").selectOption({ label: `${person.lastName}, ${person.firstName} (${person.employeeNumber})` });
    await page.getByLabel("I will type it").check();
    await page.locator("input[name=password]").fill(PASSWORD);
    await page.getByRole("button", { name: "Create sign-in" }).click();
    await expect(page.getByTestId("form-message")).toBeVisible();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const user = await context.newPage();
    await signInWithPassword(user, person.workEmail);
    await expect(user).toHaveURL(/\/dashboard/);

    // Enrolment: the QR code and its key, the password and a first code.
    await user.goto("/settings/security");
    await expect(user.getByRole("img", { name: /QR code/ })).toBeVisible();
    const secret = (await user.getByTestId("totp-secret").textContent())!.trim();
    await user.getByLabel("Code from the app").fill(codeAt(secret, Date.now()));
    await user.getByLabel("Your password").fill(PASSWORD);
    await user.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    const codes = user.getByTestId("recovery-code");
    await expect(codes).toHaveCount(10);
    const recoveryCode = (await codes.nth(0).textContent())!.trim();
    await signOut(user);

    // The password alone leads to the second step; the next code from the app signs in.
    await signInWithPassword(user, person.workEmail);
    await expect(user).toHaveURL(/\/sign-in\/two-factor/);
    await user.getByLabel("Code").fill("000000");
    await user.getByRole("button", { name: "Verify" }).click();
    await expect(user.getByTestId("error-code")).toContainText("not right");
    await user.getByLabel("Code").fill(codeAt(secret, Date.now() + 30_000));
    await user.getByRole("button", { name: "Verify" }).click();
    await expect(user).toHaveURL(/\/dashboard/);
    await signOut(user);

    // A recovery code works instead of the app, once.
    await signInWithPassword(user, person.workEmail);
    await expect(user).toHaveURL(/\/sign-in\/two-factor/);
    await user.getByLabel("Code").fill(recoveryCode);
    await user.getByRole("button", { name: "Verify" }).click();
    await expect(user).toHaveURL(/\/dashboard/);
    await user.goto("/settings/security");
    await expect(user.getByTestId("two-factor-on")).toContainText("9 recovery codes left");
    await context.close();
  });
});
