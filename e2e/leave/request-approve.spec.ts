import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, storageStateFor } from "../fixtures";
import {
  cancelLeave,
  days,
  leaveDay,
  leavePeriod,
  leaveTypes,
  myBalance,
  pageAs,
  requestLeave,
  shot,
  spanOverWeekend,
  unreadCount,
  wholeMonth,
  workingRun,
} from "./support";

// The employee's line manager (the Engineering team lead) has no sign-in, and the VP Engineering
// (manager@) is their manager's manager, who does not decide (lib/leave/requests/approvers.ts): so
// HR, who may act at any stage, approves.
const EMPLOYEE = DEMO_ORG.people.employee;

// "Thu 3 Dec", as the preview lists its days.
function previewDay(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

// The "Pending approvals (3)" count on a dashboard; 0 when the title has none.
async function pendingApprovals(page: Page): Promise<number> {
  const title = page.getByTestId("pending-approvals").getByRole("heading").first();
  await expect(title).toHaveText(/^Pending approvals/);
  return Number((await title.textContent())!.match(/\((\d+)\)/)?.[1] ?? 0);
}

test.describe("[LEAVE]: requesting leave and having it approved", () => {
  test.use({ storageState: storageStateFor("employee") });

  test("[LEAVE]: an employee requests leave with a live preview; HR approves it and the balance, ledger, bell and dashboards follow", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    // Thursday to Monday next month: three working days around a weekend, ending at noon.
    const span = await spanOverWeekend(page.request, 1);
    const period = leavePeriod(span.start, span.end, { endsAtNoon: true });
    const comment = "Enjoy the break; cover is arranged.";

    await page.goto("/leave");
    await expect(page.getByRole("heading", { name: "My leave" })).toBeVisible();
    const before = await myBalance(page, "Annual leave");
    await shot(page, "leave-my-leave-before");

    await page.getByTestId("request-leave").click();
    await expect(page).toHaveURL(/\/leave\/request$/);
    await page.getByTestId("leave-type").selectOption({ label: "Annual leave" });
    await page.getByTestId("start-date").fill(span.start);
    await page.getByTestId("end-date").fill(span.end);

    // The preview counts working days only: the weekend inside is listed but free.
    const preview = page.getByTestId("request-preview");
    await expect(preview.getByTestId("preview-cost")).toHaveText("3 days");
    await expect(preview.getByTestId("preview-after")).toHaveText(days(before.available - 6));
    const dayRows = preview.getByTestId("preview-days").getByRole("listitem");
    await expect(dayRows).toHaveCount(5);
    for (const date of span.skipped) await expect(dayRows.filter({ hasText: previewDay(date) })).toContainText("Not counted: not a working day");
    for (const date of span.workingDays) await expect(dayRows.filter({ hasText: previewDay(date) })).toContainText("Full day");
    await expect(preview).toContainText("Goes to the manager.");

    // Ending at noon on the Monday makes it two and a half days.
    await page.getByLabel("End at noon on the last day").check();
    await expect(preview.getByTestId("preview-cost")).toHaveText("2.5 days");
    await expect(preview.getByTestId("preview-after")).toHaveText(days(before.available - 5));
    await expect(dayRows.filter({ hasText: previewDay(span.end) })).toContainText("Morning");
    await expect(preview.getByTestId("preview-errors")).toHaveCount(0);
    await page.getByLabel("Note for your approver").fill("Family visit");
    await shot(page, "leave-request-form-preview");

    await page.getByTestId("submit-request").click();
    await expect(page).toHaveURL(/\/leave\/[0-9a-f-]{36}\?notice=submitted$/);
    const requestId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByTestId("leave-notice")).toHaveText("Request submitted. Your approver has been told; you will be notified of the decision.");
    await expect(page.getByTestId("leave-status")).toHaveText("Awaiting manager");
    await expect(page.getByText(period, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: DEMO_ORG.employeeManager })).toBeVisible();

    // Pending leave already counts against what is available.
    await page.goto("/leave");
    const row = page.getByTestId("my-requests").getByRole("row").filter({ hasText: period });
    await expect(row.getByTestId("leave-status")).toHaveText("Awaiting manager");
    await expect(row).toContainText("2.5 days");
    expect(await myBalance(page, "Annual leave")).toEqual({ available: before.available - 5, pending: before.pending + 5, taken: before.taken });
    await shot(page, "leave-my-leave-pending");

    await page.goto("/dashboard");
    const myLeaveCard = page.getByTestId("my-balances").getByRole("listitem").filter({ hasText: "Annual leave" });
    await expect(myLeaveCard).toContainText(days(before.available - 5));
    await expect(myLeaveCard).toContainText(`${days(before.pending + 5)} pending`);
    const unreadBefore = await unreadCount(page);

    // The VP Engineering is not the direct manager, so the request is not theirs to decide.
    const manager = await pageAs(browser, "manager");
    await manager.goto("/leave/approvals");
    await expect(manager.getByRole("heading", { name: "Leave approvals" })).toBeVisible();
    await expect(manager.getByTestId("approval").filter({ hasText: period })).toHaveCount(0);
    await manager.context().close();

    // HR approves with a comment.
    const hr = await pageAs(browser, "hr");
    await hr.goto("/dashboard");
    const waitingBefore = await pendingApprovals(hr);
    expect(waitingBefore).toBeGreaterThan(0);
    await hr.goto("/leave/approvals");
    const approval = hr.getByTestId("approval").filter({ hasText: EMPLOYEE }).filter({ hasText: period });
    await expect(approval).toContainText("“Family visit”");
    await expect(approval.getByTestId("balance-after")).toContainText(`If approved, the balance left is ${days(before.available - 5)}`);
    await shot(hr, "leave-approvals");
    await approval.getByLabel("Comment").fill(comment);
    await approval.getByTestId("approve").click();
    await expect(hr).toHaveURL(/\/leave\/approvals\?notice=approved$/);
    await expect(hr.getByTestId("leave-notice")).toHaveText("Approved; the days are booked and the employee has been told.");
    await expect(approval).toHaveCount(0);
    await hr.goto("/dashboard");
    expect(await pendingApprovals(hr)).toBe(waitingBefore - 1);
    await hr.context().close();

    // The employee sees it approved, booked in the ledger, told by the bell, and on the dashboard.
    await page.goto(`/leave/${requestId}`);
    await expect(page.getByTestId("leave-status")).toHaveText("Approved");
    await expect(page.getByRole("term").filter({ hasText: "HR’s comment" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: comment })).toBeVisible();
    await expect(page.getByTestId("request-ledger")).toContainText("Booked");
    await expect(page.getByTestId("request-ledger")).toContainText("−2.5 days");

    await page.goto("/leave");
    await expect(row.getByTestId("leave-status")).toHaveText("Approved");
    expect(await myBalance(page, "Annual leave")).toEqual({ available: before.available - 5, pending: before.pending, taken: before.taken + 5 });
    await shot(page, "leave-my-leave-approved");

    await page.goto("/leave/ledger/me");
    await expect(page.getByTestId("ledger-title")).toHaveText("My leave balances");
    const annual = page.getByTestId("ledger-balance").filter({ has: page.getByRole("heading", { name: "Annual leave" }) });
    await expect(annual.getByTestId("ledger-available")).toHaveText(days(before.available - 5));
    const taken = annual.getByTestId("ledger-line").filter({ has: page.locator(`a[href="/leave/${requestId}"]`) });
    await expect(taken).toHaveCount(1);
    await expect(taken).toContainText("Leave taken");
    await expect(taken).toContainText("−2.5 days");
    await shot(page, "leave-ledger");

    await page.goto(`/leave/calendar?month=${span.start.slice(0, 7)}`);
    await expect(page.getByRole("link", { name: new RegExp(`^${EMPLOYEE}: Annual leave, approved, from `) })).toHaveAttribute("href", `/leave/${requestId}`);
    await shot(page, "leave-calendar");

    await page.goto("/dashboard");
    await expect(myLeaveCard).toContainText(days(before.available - 5));
    await expect(myLeaveCard).not.toContainText(`${days(before.pending + 5)} pending`);
    expect(await unreadCount(page)).toBe(unreadBefore + 1);

    await page.getByTestId("notification-bell").click();
    await expect(page).toHaveURL(/\/notifications$/);
    const told = page.getByTestId("notification-list").getByRole("listitem").filter({ hasText: "Leave approved" }).filter({ hasText: period });
    await expect(told).toHaveAttribute("data-unread", "true");
    await expect(told).toContainText(`Comment: "${comment}"`);
  });

  test("[LEAVE]: a request that overdraws the balance is refused, with the reason beside the last day", async ({ page }) => {
    // A whole month of sick leave: more working days than a year's sick leave allows.
    const month = await wholeMonth(page.request, 3);
    const period = leavePeriod(month.start, month.end);
    await page.goto("/leave");
    const before = await myBalance(page, "Sick leave");

    await page.goto("/leave/request");
    await page.getByTestId("leave-type").selectOption({ label: "Sick leave" });
    await page.getByTestId("start-date").fill(month.start);
    await page.getByTestId("end-date").fill(month.end);
    await expect(page.getByTestId("preview-cost")).toHaveText(days(month.workingDays.length * 2));
    await expect(page.getByTestId("preview-errors")).toContainText("but only");

    await page.getByTestId("submit-request").click();
    await expect(page.getByTestId("form-message")).toHaveText("Please correct the highlighted fields.");
    const error = page.getByTestId("error-endDate");
    await expect(error).toHaveText(
      `This needs ${days(month.workingDays.length * 2)} but only ${days(before.available)} ${before.available === 2 ? "is" : "are"} available.`,
    );
    await expect(page.getByTestId("end-date")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("end-date")).toHaveAccessibleDescription((await error.textContent())!);
    await expect(page).toHaveURL(/\/leave\/request$/);

    // Nothing was requested.
    await page.goto("/leave");
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: period })).toHaveCount(0);
    expect(await myBalance(page, "Sick leave")).toEqual(before);
  });

  test("[LEAVE]: a request overlapping leave already asked for is refused, with the clash beside the first day", async ({ page }) => {
    const run = await workingRun(page.request, 4, 2);
    const types = await leaveTypes(page.request);
    const existing = await requestLeave(page.request, { leaveTypeId: types.AL.id, startDate: run.start, endDate: run.end, reason: "Booked first" });
    try {
      await page.goto("/leave/request");
      await page.getByTestId("leave-type").selectOption({ label: "Sick leave" });
      await page.getByTestId("start-date").fill(run.end);
      await expect(page.getByTestId("preview-cost")).toHaveText("1 day");

      await page.getByTestId("submit-request").click();
      await expect(page.getByTestId("form-message")).toHaveText("Please correct the highlighted fields.");
      await expect(page.getByTestId("error-startDate")).toHaveText(`This overlaps your annual leave of ${leavePeriod(run.start, run.end)} (awaiting manager).`);
      await expect(page.getByTestId("start-date")).toHaveAttribute("aria-invalid", "true");
      await expect(page).toHaveURL(/\/leave\/request$/);

      // Nothing was requested: the only request on those days is the one made first.
      await page.goto("/leave");
      await expect(
        page
          .getByTestId("my-requests")
          .getByRole("row")
          .filter({ hasText: leavePeriod(run.start, run.end) }),
      ).toHaveCount(1);
      await expect(
        page
          .getByTestId("my-requests")
          .getByRole("row")
          .filter({ hasText: "Sick leave" })
          .filter({ hasText: leaveDay(run.end) }),
      ).toHaveCount(0);
    } finally {
      await cancelLeave(page.request, existing.id);
    }
  });

  test("[LEAVE]: the request's history shows the approval, who made it and their comment", async ({ page, browser }) => {
    const run = await workingRun(page.request, 5, 1);
    const types = await leaveTypes(page.request);
    const created = await requestLeave(page.request, { leaveTypeId: types.AL.id, startDate: run.start, endDate: run.end, reason: "History check" });
    const hr = await pageAs(browser, "hr");
    try {
      const decided = await hr.request.post(`/api/v1/leave-requests/${created.id}`, {
        data: { action: "approve", version: created.version, comment: "Approved for the history" },
      });
      expect(decided.status(), await decided.text()).toBe(200);

      await page.goto(`/leave/${created.id}`);
      await expect(page.getByTestId("leave-status")).toHaveText("Approved");
      // The page is rendered whole on the server: read the history once, no need to wait on it.
      const events = await page.getByTestId("request-history").getByRole("listitem").allTextContents();
      expect(events).toHaveLength(2);
      expect(events[0]).toContain("Requested; sent to the manager");
      expect(events[0]).toContain(EMPLOYEE);
      expect(events[1]).toContain("Approved");
      expect(events[1]).toContain(DEMO_ORG.people.hr);
      expect(events[1]).toContain("Approved for the history");
    } finally {
      await cancelLeave(hr.request, created.id);
      await hr.context().close();
    }
  });
});
