import { apiRoute } from "@/lib/api/api-route";
import { deletePayAdjustment } from "@/lib/payroll/adjustments";

export const dynamic = "force-dynamic";

// DELETE /api/v1/payroll/adjustments/:id - takes back a one-off before its period's run is
// approved; 204, or 409 once it is paid, 403 for one's own pay
export const DELETE = apiRoute<{ id: string }>("payroll:manage", async ({ user, params: { id } }) => {
  await deletePayAdjustment(user, id);
  return new Response(null, { status: 204 });
});
