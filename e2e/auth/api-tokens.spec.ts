import { expect, test } from "@playwright/test";
import { storageStateFor } from "../fixtures";

// The confirm dialog (components/ui/dialog.tsx, ConfirmDialog) guards every destructive button:
// "Keep it" changes nothing, and confirming really sends the form it guards.
test.describe("personal access tokens", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("a token is created once, kept when the confirmation is declined, and revoked when it is confirmed", async ({ page }) => {
    const name = `E2E token ${Date.now().toString(36)}`;
    await page.goto("/settings");
    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Your password").fill("demo-password");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText(`Your new token “${name}”`)).toBeVisible();

    const row = page.getByTestId("token-list").getByRole("row").filter({ hasText: name });
    await expect(row).toHaveCount(1);

    // Declined: the dialog closes, focus goes back to its button, and the token stays.
    await row.getByRole("button", { name: "Revoke" }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByRole("button", { name: "Revoke" })).toBeFocused();
    await page.reload();
    await expect(row).toHaveCount(1);

    // Confirmed: the form is sent and the token is gone, also after a reload.
    await row.getByRole("button", { name: "Revoke" }).click();
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(name)).toHaveCount(0);
  });
});
