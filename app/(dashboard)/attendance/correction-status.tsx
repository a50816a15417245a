import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/lib/tone";

const STYLES: Record<"PENDING" | "APPROVED" | "REJECTED", { label: string; tone: Tone }> = {
  PENDING: { label: "Waiting", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
};

export function CorrectionStatus({ status }: { status: keyof typeof STYLES }) {
  return (
    <Badge tone={STYLES[status].tone} className="shrink-0">
      {STYLES[status].label}
    </Badge>
  );
}
