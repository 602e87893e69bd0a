import { requireUserId } from "@/lib/auth";
import { setLearningPathSharing } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function setSharing(shared: boolean) {
  return apiRoute(
    { userId: requireUserId },
    async ({ userId }, { params }: RouteContext<"/api/paths/[id]/share">) => {
      const result = await setLearningPathSharing(userId, await routeId(params), shared);
      if (!result) throw new AppError("not_found");
      return Response.json({ url: result.shareToken ? `/shared/${result.shareToken}` : null });
    },
  );
}

/** Turns on a public read-only link (a fresh token each time). */
export const POST = setSharing(true);

/** Turns the public link off; the old link answers 404 from then on. */
export const DELETE = setSharing(false);
