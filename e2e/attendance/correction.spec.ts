import { expect, test } from "@playwright/test";
import { DEMO_ORG, storageStateFor, uniqueToken } from "../fixtures";
import { attendanceDay, attendanceTimeZone, pageAs, pastWorkingDay, shot, todayIn } from "../leave/support";

// The employee's line manager has no sign-in, so HR (who may decide anyone's correction) approves.
test.describe("[ATTENDANCE]: correcting a past day", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("[ATTENDANCE]: an employee asks to correct a past day, HR approves it in Corrections, and the day shows the corrected times", async ({
    page,
    browser,
  }) => {
    test.setTimeout(60_000);
    const reason = `Badge reader at the client site was down (${uniqueToken()})`;
    const reply = "Confirmed with the client's front desk.";

    await page.goto("/attendance");
    const timeZone = await attendanceTimeZone(page);
    const day = await pastWorkingDay(page.request, todayIn(timeZone), 8);
    const month = day.slice(0, 7);

    // The calendar's "Correct" link opens the form on that day.
    await page.goto(`/attendance?month=${month}&correct=${day}#correction`);
    const cell = page.getByTestId(`day-${day}`);
    await expect(cell).toBeVisible();
    await expect(cell).not.toContainText("10h 15m");
    const form = page.getByTestId("correction-form");
    await expect(form.getByLabel("Day")).toHaveValue(day);
    await form.getByLabel("Check-in").fill("07:30");
    await form.getByLabel("Check-out").fill("17:45");
    await form.getByLabel("What happened").fill(reason);
    await form.getByRole("button", { name: "Request correction" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Correction sent for approval. You will get a notification when it is decided.");

    const mine = page.getByTestId("my-corrections").getByRole("listitem").filter({ hasText: reason });
    await expect(mine).toContainText(`${attendanceDay(day)} · 07:30–17:45`);
    await expect(mine).toContainText("Waiting");
    // Nothing changes until it is approved.
    await expect(cell).not.toContainText("10h 15m");

    const hr = await pageAs(browser, "hr");
    await hr.goto("/attendance/corrections");
    const waiting = hr.getByTestId("corrections-queue").getByRole("listitem").filter({ hasText: reason });
    await expect(waiting).toContainText(DEMO_ORG.people.employee);
    await expect(waiting).toContainText(`${attendanceDay(day)}: 07:30–17:45`);
    await shot(hr, "attendance-corrections-queue");
    await waiting.getByLabel("Comment").fill(reply);
    await waiting.getByRole("button", { name: "Approve" }).click();
    await expect(waiting).toHaveCount(0);

    await hr.goto("/attendance/corrections?state=decided");
    const decided = hr.getByTestId("corrections-queue").getByRole("listitem").filter({ hasText: reason });
    await expect(decided).toContainText("Approved");
    await expect(decided).toContainText(reply);
    await hr.context().close();

    // The day now shows the corrected session, noted as a correction.
    await page.goto(`/attendance?month=${month}`);
    await expect(cell).toContainText("10h 15m");
    const sessions = page
      .getByTestId("sessions")
      .getByRole("row")
      .filter({ hasText: `Corrected: ${reason}` });
    await expect(sessions).toHaveCount(1);
    await expect(sessions.getByRole("cell")).toHaveText([attendanceDay(day), "07:30", "17:45", "10h 15m", "", `Corrected: ${reason}`]);
    await expect(mine).toContainText("Approved");
    await expect(mine).toContainText(`Reply: ${reply}`);
    await shot(page, "attendance-month-corrected");
  });
});
