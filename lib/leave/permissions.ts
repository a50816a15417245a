import type { Permission } from "@/lib/auth/permissions";

// Who administers leave: holidays, the work week, leave types and manual balance adjustments.
// HR's department-writing permission stands in until a `leave:admin` permission exists; this is
// the one place to switch.
export const LEAVE_ADMIN: Permission = "leave:admin";
