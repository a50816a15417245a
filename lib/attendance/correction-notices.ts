import "server-only";
import { log } from "@/lib/log";
import { notify, type NotificationInput } from "@/lib/notifications/notify";
import { formatDayWithYear } from "@/lib/format";

// Notices about corrections go out after the change has committed. If writing them fails the
// change still stands, so the failure is logged loudly rather than turned into an error for a
// decision that was in fact made.
export async function sendCorrectionNotice(input: NotificationInput): Promise<void> {
  try {
    await notify(input);
  } catch (error) {
    log.error("attendance notification failed", { event: "notify-failed", kind: input.kind, error: error instanceof Error ? error.message : String(error) });
  }
}

export function describeDay(date: Date): string {
  return formatDayWithYear(date);
}
