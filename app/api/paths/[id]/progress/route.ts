import { requireUserId } from "@/lib/auth";
import { updateLearningPathProgress } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, jsonInput } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { progressChangeSchema } from "@/lib/learning-path/progress";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Ticks or unticks one milestone or resource of the caller's own saved path. */
export const PATCH = apiRoute(
  { input: jsonInput(progressChangeSchema, 1024), userId: requireUserId },
  async ({ input, userId }, { params }: RouteContext<"/api/paths/[id]/progress">) => {
    const updated = await updateLearningPathProgress(userId, await routeId(params), input);
    if (!updated) throw new AppError("not_found");
    return Response.json(updated);
  },
);
