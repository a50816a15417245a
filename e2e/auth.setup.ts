import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS, storageStateFor } from "./fixtures";

// Signs in once per demo role through the real form and keeps the session for the specs.
for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await page.context().storageState({ path: storageStateFor(role as keyof typeof DEMO_ACCOUNTS) });
  });
}
