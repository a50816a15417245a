import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { requireUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/list";
import { readSetting } from "@/lib/settings/settings";
import { MarkAllRead, OpenNotification } from "./notification-controls";

export const metadata: Metadata = { title: "Notifications" };

const TAB = "rounded-md px-3 py-1.5 text-sm font-medium";

export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  const user = await requireUser();
  const params = await searchParams;
  const isUnreadOnly = params.show === "unread";
  const page = Math.max(1, Number.parseInt(String(params.page ?? "1"), 10) || 1);
  const [result, schedule] = await Promise.all([listNotifications(user.id, { page, isUnreadOnly }), readSetting("attendance-schedule")]);
  // The organisation's time zone (the attendance schedule's), like every time in the app.
  const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: schedule.timeZone });
  const hrefFor = (target: number) => `/notifications?${isUnreadOnly ? "show=unread&" : ""}page=${target}`;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="unread-summary">
            {result.unread === 0 ? "You are all caught up." : `${result.unread} unread.`} Requests, decisions and approvals waiting for you.
          </p>
        </div>
        <MarkAllRead unread={result.unread} />
      </div>

      <nav aria-label="Filter notifications" className="flex gap-1">
        <Link
          href="/notifications"
          aria-current={!isUnreadOnly ? "page" : undefined}
          className={`${TAB} ${!isUnreadOnly ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
        >
          All
        </Link>
        <Link
          href="/notifications?show=unread"
          aria-current={isUnreadOnly ? "page" : undefined}
          className={`${TAB} ${isUnreadOnly ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
        >
          Unread
        </Link>
      </nav>

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {result.rows.length === 0 ? (
          <div className="px-6 py-16 text-center" data-testid="notifications-empty">
            <p className="text-base font-medium">{isUnreadOnly ? "Nothing unread" : "No notifications yet"}</p>
            <p className="mt-1 text-sm text-slate-600">You will hear here when a request is submitted, decided or cancelled, or waits for your approval.</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="notification-list">
            {result.rows.map((notification) => {
              const isUnread = !notification.readAt;
              return (
                <li key={notification.id} className={isUnread ? "bg-brand-50/40" : ""} data-unread={isUnread || undefined}>
                  <OpenNotification id={notification.id} hasLink={Boolean(notification.link)} isUnread={isUnread}>
                    <span className="flex items-start gap-3">
                      <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${isUnread ? "bg-brand-600" : "bg-transparent"}`} />
                      <span className="min-w-0 flex-1">
                        <span className={`block text-sm ${isUnread ? "font-semibold text-slate-900" : "font-medium text-slate-700"}`}>
                          {isUnread && <span className="sr-only">Unread: </span>}
                          {notification.title}
                        </span>
                        <span className="mt-0.5 block text-sm text-slate-600">{notification.body}</span>
                        <span className="mt-1 block text-xs text-slate-500">{when.format(notification.createdAt)}</span>
                      </span>
                    </span>
                  </OpenNotification>
                </li>
              );
            })}
          </ul>
        )}
        <div className="border-t border-slate-200 px-4 py-3">
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            pageSize={result.pageSize}
            hrefFor={hrefFor}
            noun={result.total === 1 ? "notification" : "notifications"}
          />
        </div>
      </section>
    </div>
  );
}
