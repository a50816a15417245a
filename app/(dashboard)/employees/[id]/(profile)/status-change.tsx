import { listEmployeeFormOptions } from "@/lib/employees/employee-options";
import { changeStatusAction } from "../../actions";
import { StatusChangeForm } from "../../employee-form";

type Props = {
  employee: {
    id: string;
    version: number;
    status: "ACTIVE" | "ON_LEAVE" | "TERMINATED";
    managerId: string | null;
    manager: { firstName: string; lastName: string } | null;
  };
  employeeName: string;
  exitDate: string;
  exitReason: string;
};

// The status dialog with the people who could take over a leaver's reports (not the leaver, nor
// anyone below them: that would make a reporting loop).
export async function StatusChange({ employee, employeeName, exitDate, exitReason }: Props) {
  const { managers } = await listEmployeeFormOptions({ id: employee.id, managerId: null });
  return (
    <StatusChangeForm
      action={changeStatusAction}
      employeeId={employee.id}
      employeeName={employeeName}
      version={employee.version}
      status={employee.status}
      exitDate={exitDate}
      exitReason={exitReason}
      successors={managers
        .filter((manager) => manager.id !== employee.managerId)
        .map((manager) => ({ id: manager.id, name: `${manager.name} (${manager.jobTitle})` }))}
      managerName={employee.manager ? `${employee.manager.firstName} ${employee.manager.lastName}` : null}
    />
  );
}
