import { mkdirSync } from "node:fs";
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { type DemoRole, storageStateFor } from "../fixtures";

// Helpers for the leave and attendance specs. Dates are calendar dates ("YYYY-MM-DD", UTC), as the
// leave engine counts them. Specs pick their dates from the holidays the server has, so a working
// day here is a working day to the app (the demo work week is Monday to Friday).
export type IsoDate = string;

export function toIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return toIso(next);
}

// ISO weekday: Monday 1 … Sunday 7.
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

// "Thu 3 Dec 2026", as the leave pages write a day (formatLeavePeriod).
export function leaveDay(date: IsoDate): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

// A period as the leave pages write it: "Thu 3 Dec 2026 – Mon 7 Dec 2026 (until noon)".
export function leavePeriod(start: IsoDate, end: IsoDate, options: { startsAfternoon?: boolean; endsAtNoon?: boolean } = {}): string {
  if (start === end) return `${leaveDay(start)}${options.startsAfternoon ? " (afternoon)" : options.endsAtNoon ? " (morning)" : ""}`;
  return `${leaveDay(start)}${options.startsAfternoon ? " (from noon)" : ""} – ${leaveDay(end)}${options.endsAtNoon ? " (until noon)" : ""}`;
}

// Half-days as the app writes them: 5 → "2.5 days", 2 → "1 day".
export function days(halfDays: number): string {
  const value = halfDays / 2;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${Math.abs(value) === 1 ? "day" : "days"}`;
}

// "22.5 days" → 45 half-days.
export function halfDaysIn(text: string | null): number {
  const match = text?.match(/(-?\d+(?:\.\d)?) days?/);
  expect(match, `a number of days in "${text}"`).toBeTruthy();
  return Math.round(Number(match![1]) * 2);
}

// The month `offset` months after this one, kept inside this year (wrapping round to its earlier
// months near the year end): My leave shows this year's balances only, and a request never runs
// across a year end. Different specs use different offsets so their leave never overlaps.
export function monthInThisYear(offset: number, today: IsoDate = toIso(new Date())): { year: number; month: number } {
  const year = Number(today.slice(0, 4));
  const month = ((Number(today.slice(5, 7)) - 1 + offset) % 12) + 1;
  return { year, month };
}

export async function holidaysIn(request: APIRequestContext, year: number): Promise<Set<IsoDate>> {
  const response = await request.get(`/api/v1/holidays?year=${year}&pageSize=100`);
  expect(response.status()).toBe(200);
  return new Set(((await response.json()).data as { date: IsoDate }[]).map((holiday) => holiday.date));
}

export async function isWorkingDayFn(request: APIRequestContext, year: number): Promise<(date: IsoDate) => boolean> {
  const holidays = await holidaysIn(request, year);
  return (date) => weekday(date) <= 5 && !holidays.has(date);
}

function datesOfMonth(year: number, month: number): IsoDate[] {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const dates: IsoDate[] = [];
  for (let date = first; date.slice(0, 7) === first.slice(0, 7); date = addDays(date, 1)) dates.push(date);
  return dates;
}

export type Span = { start: IsoDate; end: IsoDate; workingDays: IsoDate[]; skipped: IsoDate[] };

// A Thursday-to-Monday span in the month whose Thursday, Friday and Monday are all working days:
// three working days with a weekend inside, to show what the preview leaves out.
export async function spanOverWeekend(request: APIRequestContext, monthOffset: number): Promise<Span> {
  const { year, month } = monthInThisYear(monthOffset);
  const isWorking = await isWorkingDayFn(request, year);
  const dates = datesOfMonth(year, month);
  const start = dates.find(
    (date) => weekday(date) === 4 && [0, 1, 4].every((shift) => isWorking(addDays(date, shift)) && dates.includes(addDays(date, shift))),
  );
  expect(start, `a Thursday to Monday of working days in ${year}-${month}`).toBeDefined();
  return {
    start: start!,
    end: addDays(start!, 4),
    workingDays: [start!, addDays(start!, 1), addDays(start!, 4)],
    skipped: [addDays(start!, 2), addDays(start!, 3)],
  };
}

// `count` consecutive working days (no weekend or holiday between them), from the second week of
// the month so as not to sit on a month's edge.
export async function workingRun(request: APIRequestContext, monthOffset: number, count: number): Promise<Span> {
  const { year, month } = monthInThisYear(monthOffset);
  const isWorking = await isWorkingDayFn(request, year);
  const dates = datesOfMonth(year, month);
  const start = dates.find(
    (date, index) =>
      index >= 7 &&
      dates.slice(index, index + count).length === count &&
      dates.slice(index, index + count).every((day, shift) => day === addDays(date, shift) && isWorking(day)),
  );
  expect(start, `${count} working days in a row in ${year}-${month}`).toBeDefined();
  const run = Array.from({ length: count }, (_, shift) => addDays(start!, shift));
  return { start: run[0], end: run[count - 1], workingDays: run, skipped: [] };
}

// The whole month, first working day to last.
export async function wholeMonth(request: APIRequestContext, monthOffset: number): Promise<Span> {
  const { year, month } = monthInThisYear(monthOffset);
  const isWorking = await isWorkingDayFn(request, year);
  const dates = datesOfMonth(year, month);
  const working = dates.filter(isWorking);
  const inside = dates.filter((date) => date >= working[0] && date <= working[working.length - 1]);
  return { start: working[0], end: working[working.length - 1], workingDays: working, skipped: inside.filter((date) => !isWorking(date)) };
}

export type LeaveTypeRef = { id: string; code: string; name: string };

// The signed-in person's leave types by code ("AL", "SL", …), from their balances.
export async function leaveTypes(request: APIRequestContext): Promise<Record<string, LeaveTypeRef>> {
  const response = await request.get("/api/v1/leave-balances");
  expect(response.status()).toBe(200);
  const rows = (await response.json()).data as { leaveType: LeaveTypeRef }[];
  return Object.fromEntries(rows.map((row) => [row.leaveType.code, row.leaveType]));
}

export type CreatedLeave = { id: string; version: number; status: string; halfDays: number };

// Requests leave through the JSON API as whoever `request` is signed in as: set-up, not the behaviour
// under test.
export async function requestLeave(
  request: APIRequestContext,
  input: { leaveTypeId: string; startDate: IsoDate; endDate: IsoDate; reason?: string },
): Promise<CreatedLeave> {
  const response = await request.post("/api/v1/leave-requests", { data: { startsAfternoon: false, endsAtNoon: false, ...input } });
  expect(response.status(), await response.text()).toBe(201);
  const { data } = await response.json();
  return { id: data.id, version: data.version, status: data.status, halfDays: data.halfDays };
}

// Cancels a request through the JSON API (clean-up, so a spec leaves nothing waiting in queues).
export async function cancelLeave(request: APIRequestContext, id: string): Promise<void> {
  const current = await request.get(`/api/v1/leave-requests/${id}`);
  expect(current.status()).toBe(200);
  const { version } = (await current.json()).data;
  const response = await request.post(`/api/v1/leave-requests/${id}`, { data: { action: "cancel", version } });
  expect(response.status(), await response.text()).toBe(200);
}

// A page in a context of its own, signed in as `role`: for a second person in the same test.
export async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

// The balance card of one leave type on My leave.
export function balanceCard(page: Page, typeName: string): Locator {
  return page.getByTestId("balance-card").filter({ has: page.getByRole("heading", { name: typeName }) });
}

// Available, pending and taken on My leave for one leave type, in half-days.
export async function myBalance(page: Page, typeName: string): Promise<{ available: number; pending: number; taken: number }> {
  const card = balanceCard(page, typeName);
  await expect(card).toBeVisible();
  return {
    available: halfDaysIn(await card.getByTestId("balance-available").textContent()),
    pending: halfDaysIn(await card.getByRole("definition").nth(0).textContent()),
    taken: halfDaysIn(await card.getByRole("definition").nth(1).textContent()),
  };
}

// The header bell's unread count, from its accessible name ("Notifications, 3 unread").
export async function unreadCount(page: Page): Promise<number> {
  const label = await page.getByTestId("notification-bell").getAttribute("aria-label");
  const match = label?.match(/Notifications, (\d+) unread/);
  expect(match, `an unread count in "${label}"`).toBeTruthy();
  return Number(match![1]);
}

// Today in a time zone, as the attendance pages date a session.
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// "Thu 26 Nov 2026", as the attendance pages write a day.
export function attendanceDay(date: IsoDate): string {
  return leaveDay(date);
}

// The organisation's time zone, as the attendance page states it ("Times are in UTC.").
export async function attendanceTimeZone(page: Page): Promise<string> {
  const text = await page
    .getByText(/Times are in [^.]+\./)
    .first()
    .textContent();
  return text!.match(/Times are in ([^.]+)\./)![1];
}

// The latest working day at least `daysBack` days before `today`: a past day with a seeded session
// (the demo seed records the last four weeks), far enough back to stay clear of today's.
export async function pastWorkingDay(request: APIRequestContext, today: IsoDate, daysBack: number): Promise<IsoDate> {
  let date = addDays(today, -daysBack);
  const isWorking = await isWorkingDayFn(request, Number(date.slice(0, 4)));
  while (!isWorking(date)) date = addDays(date, -1);
  return date;
}

// Full-page screenshots for a person to look over, only when E2E_SHOTS_DIR names a folder.
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
