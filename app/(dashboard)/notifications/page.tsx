import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedCard } from "@/components/ui/paged-card";
import { TabLinks } from "@/components/ui/tab-links";
import { requireUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/list";
import { pageParam } from "@/lib/search-params";
import { readSetting } from "@/lib/settings/settings";
import { MarkAllRead, OpenNotification } from "./notification-controls";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  const user = await requireUser();
  const params = await searchParams;
  const isUnreadOnly = params.show === "unread";
  const page = pageParam(params.page);
  const [result, schedule] = await Promise.all([listNotifications(user.id, { page, isUnreadOnly }), readSetting("attendance-schedule")]);
  // The organisation's time zone (the attendance schedule's), like every time in the app.
  const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: schedule.timeZone });
  const hrefFor = (target: number) => `/notifications?${isUnreadOnly ? "show=unread&" : ""}page=${target}`;

  const empty = (
    <EmptyState title={isUnreadOnly ? "Nothing unread" : "No notifications yet"} testId="notifications-empty">
      You will hear here when a request is submitted, decided or cancelled, or waits for your approval.
    </EmptyState>
  );
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Notifications"
        description={
          <span data-testid="unread-summary">
            {result.unread === 0 ? "You are all caught up." : `${result.unread} unread.`} Requests, decisions and approvals waiting for you.
          </span>
        }
        actions={
          <>
            <MarkAllRead unread={result.unread} />
          </>
        }
      />

      <TabLinks
        label="Filter notifications"
        tabs={[
          { href: "/notifications", label: "All", isCurrent: !isUnreadOnly },
          { href: "/notifications?show=unread", label: "Unread", isCurrent: isUnreadOnly },
        ]}
      />

      <PagedCard page={result} hrefFor={hrefFor} nouns={["notification", "notifications"]} empty={empty}>
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
      </PagedCard>
    </div>
  );
}
