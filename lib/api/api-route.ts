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
  return publicApiRoute<Params>(async ({ request, params }) => {
    const user = await requireCaller(request, permission ?? undefined);
    return handler({ request, user, params });
  });
}

// A route anyone may call (signing in, signing out): the params and the error boundary, no caller.
export function publicApiRoute<Params extends object = object>(handler: (call: { request: Request; params: Params }) => Promise<Response>) {
  // The context is optional so that a test (or a caller within the app) can call a route without params.
  return async (request: Request, context?: { params: Promise<Params> }): Promise<Response> => {
    try {
      return await handler({ request, params: (await context?.params) ?? ({} as Params) });
    } catch (error) {
      return handleApiError(error, request);
    }
  };
}
