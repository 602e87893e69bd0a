import { requireUserId } from "@/lib/auth";
import { claimJob, prepareReplan, startAdaptationJob, streamToStarter } from "@/lib/generation";
import { apiRoute, jsonInput } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { replanSchema } from "@/lib/learning-path/adaptation-schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds a serverless host lets this function stream before it is stopped. */
export const maxDuration = 300;

/**
 * Plans the caller's own path again from a week on, with new hours a week and/or a new
 * end date; finished milestones and their ticks stay. Streamed as a generation job like
 * POST /api/generate/stream. Done: a new version of the path.
 */
export const POST = apiRoute(
  { input: jsonInput(replanSchema, 1024), userId: requireUserId },
  async ({ request, input, userId }, { params }: RouteContext<"/api/paths/[id]/replan">) => {
    const prepared = await prepareReplan(userId, await routeId(params), input);
    // Over quota is a plain 429 with Retry-After, before any stream starts.
    const claimed = await claimJob({ headers: request.headers, userId });
    const started = startAdaptationJob(prepared, {
      ...claimed,
      userId,
      maxDurationSeconds: maxDuration,
    });
    return streamToStarter(request, claimed, started);
  },
);
