import { Badge } from "@/components/ui/badge";
import { EMPLOYEE_STATUS_LABELS, EMPLOYEE_STATUS_TONES, type EmployeeStatus } from "@/lib/employees/format";

export function StatusPill({ status }: { status: EmployeeStatus }) {
  return <Badge tone={EMPLOYEE_STATUS_TONES[status]}>{EMPLOYEE_STATUS_LABELS[status]}</Badge>;
}
