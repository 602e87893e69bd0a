import { requireUserId } from "@/lib/auth";
import {
  claimJob,
  prepareRegeneration,
  startAdaptationJob,
  streamToStarter,
} from "@/lib/generation";
import { apiRoute, jsonInput } from "@/lib/http/api-route";
import { routeId, routeIndex } from "@/lib/http/route-id";
import { regenerateMilestoneSchema } from "@/lib/learning-path/adaptation-schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds a serverless host lets this function stream before it is stopped. */
export const maxDuration = 300;

/**
 * Writes one milestone of the caller's own path again (optionally following their
 * instruction), streamed as a generation job like POST /api/generate/stream: same frames,
 * resume and cancel, and it counts as a generation. Done: a new version of the path.
 */
export const POST = apiRoute(
  { input: jsonInput(regenerateMilestoneSchema, 2048), userId: requireUserId },
  async (
    { request, input, userId },
    { params }: RouteContext<"/api/paths/[id]/milestones/[index]/regenerate">,
  ) => {
    const { index } = await params;
    const prepared = await prepareRegeneration(
      userId,
      await routeId(params),
      routeIndex(index),
      input.instruction,
    );
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
