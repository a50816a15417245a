// The employee fields only HR and admins see (employees:read-sensitive): personal details and
// pay. One list, so the profile, the CSV export and the import select the same ones.
export const SENSITIVE_EMPLOYEE_SELECT = {
  dateOfBirth: true,
  salaryCents: true,
  salaryCurrency: true,
  personalEmail: true,
  address: true,
  emergencyName: true,
  emergencyRelation: true,
  emergencyPhone: true,
} as const;
