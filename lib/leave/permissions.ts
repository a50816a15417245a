import type { Permission } from "@/lib/auth/permissions";

// Who administers leave: holidays, the work week, leave types and manual balance adjustments.
// Named once here so every page, action and service that guards leave administration agrees.
export const LEAVE_ADMIN: Permission = "leave:admin";
