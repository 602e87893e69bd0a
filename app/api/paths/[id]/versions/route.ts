import { requireUserId } from "@/lib/auth";
import { listPathVersions } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The versions of the caller's own path, newest first. */
export const GET = apiRoute(
  { userId: requireUserId },
  async ({ userId }, { params }: RouteContext<"/api/paths/[id]/versions">) => {
    const versions = await listPathVersions(userId, await routeId(params));
    if (!versions) throw new AppError("not_found");
    return Response.json({ versions });
  },
);
