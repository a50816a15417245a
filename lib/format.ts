// Every date and number a person reads goes through here, so the whole app says "3 Mar 2026"
// the same way. Calendar dates are stored at UTC midnight; formatting in UTC keeps them on their
// day. Shared by server pages and client components: nothing here touches the database.
const LOCALE = "en-GB";
const formatters = new Map<string, Intl.DateTimeFormat>();

// A cached formatter for options not covered below (a schedule's own time zone, say).
export function dateFormatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

type DateInput = Date | string | number;
const utc = (options: Intl.DateTimeFormatOptions) => (value: DateInput) => dateFormatter({ ...options, timeZone: "UTC" }).format(new Date(value));

// "3 Mar 2026"
export const formatDate = utc({ day: "numeric", month: "short", year: "numeric" });
// "Tue, 3 Mar"
export const formatDay = utc({ weekday: "short", day: "numeric", month: "short" });
// "Tue, 3 Mar 2026"
export const formatDayWithYear = utc({ weekday: "short", day: "numeric", month: "short", year: "numeric" });
// "Tuesday, 3 March"
export const formatLongDay = utc({ weekday: "long", day: "numeric", month: "long" });
// "Tuesday, 3 March 2026"
export const formatLongDate = utc({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
// "March 2026"
export const formatMonthYear = utc({ month: "long", year: "numeric" });
// "March"
export const formatMonthName = utc({ month: "long" });
// "T"
export const formatWeekdayInitial = utc({ weekday: "narrow" });
// "3 Mar, 14:05"
export const formatShortDateTime = utc({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
// "3 Mar 2026, 14:05"
export const formatDateAndTime = utc({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
// "3 Mar 2026, 14:05" (medium date, short time)
export const formatDateTime = utc({ dateStyle: "medium", timeStyle: "short" });
// "3 Mar 2026, 14:05:09"
export const formatTimestamp = utc({ dateStyle: "medium", timeStyle: "medium" });

// "14:05" in a given time zone.
export function formatTimeIn(value: DateInput, timeZone: string): string {
  return dateFormatter({ hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(value));
}

// "Tue, 3 Mar, 14:05" in a given time zone.
export function formatDayTimeIn(value: DateInput, timeZone: string): string {
  return dateFormatter({ weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(value));
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALE, options).format(value);
}

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).format(cents / 100);
  } catch {
    // A malformed code from old data should still show the amount.
    return `${formatNumber(cents / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}
