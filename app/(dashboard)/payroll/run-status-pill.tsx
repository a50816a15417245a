import { Badge } from "@/components/ui/badge";
import { RUN_STATUS_LABELS, RUN_STATUS_TONES } from "@/lib/payroll/format";

export function RunStatusPill({ status }: { status: string }) {
  return (
    <Badge tone={RUN_STATUS_TONES[status] ?? "neutral"} dot data-testid="run-status">
      {RUN_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
