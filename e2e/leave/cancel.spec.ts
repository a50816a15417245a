import { expect, test } from "@playwright/test";
import { storageStateFor } from "../fixtures";
import { leavePeriod, leaveTypes, myBalance, requestLeave, workingRun } from "./support";

test.describe("[LEAVE]: cancelling leave", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("[LEAVE]: an employee cancels a pending request after confirming, and the days go back to the balance", async ({ page }) => {
    test.setTimeout(60_000);
    // Two working days in a month no other spec uses; the request itself is set-up.
    const run = await workingRun(page.request, 2, 2);
    const period = leavePeriod(run.start, run.end);
    const types = await leaveTypes(page.request);

    await page.goto("/leave");
    const before = await myBalance(page, "Annual leave");
    const created = await requestLeave(page.request, { leaveTypeId: types.AL.id, startDate: run.start, endDate: run.end });
    expect(created.status).toBe("PENDING_MANAGER");

    await page.reload();
    const row = page.getByTestId("my-requests").getByRole("row").filter({ hasText: period });
    await expect(row.getByTestId("leave-status")).toHaveText("Awaiting manager");
    expect(await myBalance(page, "Annual leave")).toEqual({ available: before.available - 4, pending: before.pending + 4, taken: before.taken });

    // Cancelling asks first; keeping it changes nothing.
    const cancel = row.getByRole("button", { name: `Cancel leave of ${period}` });
    const dialog = page.getByRole("dialog", { name: "Cancel this leave request?" });
    await cancel.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(period);
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(row.getByTestId("leave-status")).toHaveText("Awaiting manager");

    await cancel.click();
    await dialog.getByLabel("Reason").fill("Plans changed");
    await dialog.getByRole("button", { name: "Cancel request" }).click();
    await expect(page).toHaveURL(/\/leave\?notice=cancelled$/);
    await expect(page.getByTestId("leave-notice")).toHaveText("Cancelled. Any approved days are back in the balance.");
    await expect(row.getByTestId("leave-status")).toHaveText("Cancelled");
    await expect(row.getByTestId("cancel-request")).toHaveCount(0);
    expect(await myBalance(page, "Annual leave")).toEqual(before);

    await page.goto(`/leave/${created.id}`);
    await expect(page.getByTestId("leave-status")).toHaveText("Cancelled");
    await expect(page.getByRole("term").filter({ hasText: "Reason for cancelling" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Plans changed" })).toBeVisible();
    await expect(page.getByTestId("cancel-request")).toHaveCount(0);
  });
});
