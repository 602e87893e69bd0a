import { requireUserId } from "@/lib/auth";
import { findPathVersion } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { pathChanges } from "@/lib/learning-path/path-changes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One version of the caller's own path, and what changed against the version before it. */
export const GET = apiRoute(
  { userId: requireUserId },
  async ({ userId }, { params }: RouteContext<"/api/paths/[id]/versions/[versionId]">) => {
    const { versionId } = await params;
    const found = await findPathVersion(
      userId,
      await routeId(params),
      await routeId(Promise.resolve({ id: versionId })),
    );
    if (!found) throw new AppError("not_found");
    const changes = found.previous ? pathChanges(found.previous, found.path) : [];
    return Response.json({ version: found.version, path: found.path, changes });
  },
);
