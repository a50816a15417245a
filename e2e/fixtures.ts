// Demo accounts seeded by lib/seed/demo-data.ts (password "demo-password").
export const DEMO_ACCOUNTS = {
  admin: "admin@example.com",
  hr: "hr@example.com",
  manager: "manager@example.com",
  employee: "employee@example.com",
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export function storageStateFor(role: DemoRole): string {
  return `test-results/.auth/${role}.json`;
}
