import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { handleApiError } from "./api-error";
import { requireCaller } from "./require-caller";

type Handler<Params> = (call: { request: Request; user: CurrentUser; params: Params }) => Promise<Response>;

// One wrapper per route handler: the caller is signed in (cookie or bearer token) and holds the
// permission, the route's params are awaited, and every error goes through the API's one boundary.
// A handler is then its permission and its body. `null` means any signed-in caller.
export function apiRoute<Params extends object = object>(permission: Permission | null, handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      const user = await requireCaller(request, permission ?? undefined);
      return await handler({ request, user, params: await context.params });
    } catch (error) {
      return handleApiError(error, request);
    }
  };
}
