import { expect, test } from "@playwright/test";
import { storageStateFor } from "../fixtures";
import { shot } from "../leave/support";

test.describe("[ATTENDANCE]: checking in and out", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("[ATTENDANCE]: an employee checks in, cannot check in a second time, checks out and sees the session with its hours", async ({ page, context }) => {
    test.setTimeout(60_000);
    await page.goto("/attendance");
    const card = page.getByTestId("today-card");
    const state = card.getByTestId("attendance-state");
    const message = card.getByTestId("form-message");
    // The demo seed records past days only, all closed: today starts checked out.
    await expect(state).toHaveText("Checked out");

    // A second tab, opened while checked out, still offers to check in.
    const otherTab = await context.newPage();
    await otherTab.goto("/attendance");
    await expect(otherTab.getByTestId("check-in")).toBeVisible();

    await card.getByTestId("check-in").click();
    await expect(message).toHaveText(/^Checked in at \d\d:\d\d\.$/);
    const checkedInAt = (await message.textContent())!.match(/\d\d:\d\d/)![0];
    await expect(state).toHaveText("Checked in");
    await expect(card.getByTestId("session-timer")).toHaveText(/^0:0\d:\d\d$/);
    await expect(card.getByText(`Since ${checkedInAt}`)).toBeVisible();
    await expect(card).toContainText(`${checkedInAt}–now`);
    // While a session is open the only thing on offer is checking out.
    await expect(card.getByTestId("check-in")).toHaveCount(0);
    await expect(card.getByTestId("check-out")).toBeEnabled();
    const sessionRow = (checkOut: string) =>
      page
        .getByTestId("sessions")
        .getByRole("row")
        .filter({ has: page.getByRole("cell", { name: checkedInAt, exact: true }) })
        .filter({ has: page.getByRole("cell", { name: checkOut, exact: true }) });
    await expect(sessionRow("Open")).toHaveCount(1);
    await shot(page, "attendance-checked-in");

    // The stale tab's check-in is refused by the server: one open session at a time.
    await otherTab.getByTestId("check-in").click();
    await expect(otherTab.getByTestId("form-message")).toHaveText(/^You are already checked in \(since .+\)\. Check out first\.$/);
    await otherTab.close();

    await card.getByTestId("check-out").click();
    await expect(message).toHaveText(/^Checked out at \d\d:\d\d after \d+h \d\dm\.$/);
    const [, checkedOutAt, worked] = (await message.textContent())!.match(/at (\d\d:\d\d) after (\d+h \d\dm)/)!;
    await expect(state).toHaveText("Checked out");
    await expect(card.getByTestId("session-timer")).toHaveCount(0);
    await expect(card.getByTestId("check-in")).toBeEnabled();
    await expect(card).toContainText(`${checkedInAt}–${checkedOutAt}`);
    await expect(card.getByTestId("worked-today")).toHaveText(worked);

    // Listed among the month's sessions, closed, with its hours.
    const closed = sessionRow(checkedOutAt);
    await expect(closed).toHaveCount(1);
    await expect(closed.getByRole("cell", { name: worked, exact: true })).toBeVisible();
    await expect(sessionRow("Open")).toHaveCount(0);
    await shot(page, "attendance-checked-out");
  });
});
