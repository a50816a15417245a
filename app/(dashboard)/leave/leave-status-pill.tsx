import { Badge } from "@/components/ui/badge";
import { LEAVE_STATUS_LABELS, LEAVE_STATUS_TONES, type LeaveRequestStatus } from "@/lib/leave/requests/status";

export function LeaveStatusPill({ status }: { status: LeaveRequestStatus }) {
  return (
    <Badge tone={LEAVE_STATUS_TONES[status]} data-testid="leave-status">
      {LEAVE_STATUS_LABELS[status]}
    </Badge>
  );
}

// The leave type's colour beside its name, so the calendar's bars and the lists read alike.
export function LeaveTypeName({ name, color }: { name: string; color: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: color }} />
      {name}
    </span>
  );
}
