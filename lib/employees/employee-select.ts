// Field lists for selecting employees, so the profile, the CSV export and the import read the
// same fields.

// The fields of the employee form's Job section: who someone is in the organisation.
export const JOB_FIELDS_SELECT = {
  employeeNumber: true,
  firstName: true,
  lastName: true,
  workEmail: true,
  phone: true,
  jobTitle: true,
  employmentType: true,
  hireDate: true,
} as const;

// The employee fields only HR and admins see (employees:read-sensitive): personal details and pay.
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
