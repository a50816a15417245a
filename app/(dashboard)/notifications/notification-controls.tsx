"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { markAllReadAction, openNotificationAction } from "./actions";

export function MarkAllRead({ unread }: { unread: number }) {
  const [state, action, isPending] = useActionState(markAllReadAction, null);
  return (
    <div className="flex flex-col items-end gap-2">
      <form action={action}>
        <button
          type="submit"
          disabled={isPending || unread === 0}
          className="inline-flex h-10 items-center rounded-md bg-white px-4 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
          data-testid="mark-all-read"
        >
          {isPending ? "Marking…" : "Mark all as read"}
        </button>
      </form>
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>
    </div>
  );
}

// The whole notification is one button: opening it marks it read and follows its link.
export function OpenNotification({ id, hasLink, isUnread, children }: { id: string; hasLink: boolean; isUnread: boolean; children: React.ReactNode }) {
  const [state, action, isPending] = useActionState(openNotificationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={isPending || (!hasLink && !isUnread)}
        className="block w-full px-5 py-4 text-left hover:bg-slate-50 focus:outline-none focus-visible:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset disabled:cursor-default disabled:hover:bg-transparent"
      >
        {children}
        <span className="sr-only">{hasLink ? ", open" : isUnread ? ", mark as read" : ""}</span>
      </button>
      {state && !state.ok && (
        <div className="px-5 pb-3">
          <FormMessage state={state} />
        </div>
      )}
    </form>
  );
}
