import { requireUserId } from "@/lib/auth";
import { undoPathChange } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Undoes the last change of the caller's own path: the version before the current one
 * comes back as a new version (so the undo can be undone too). 409 on the first version.
 */
export const POST = apiRoute(
  { userId: requireUserId },
  async ({ userId }, { params }: RouteContext<"/api/paths/[id]/undo">) => {
    const { path, progress, version } = await undoPathChange(userId, await routeId(params));
    return Response.json({ path, progress, version });
  },
);
