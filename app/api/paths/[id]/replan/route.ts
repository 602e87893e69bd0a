import { requireUserId } from "@/lib/auth";
import {
  claimGenerationTicket,
  createGenerationLogger,
  followAsStarter,
  keepRunning,
  prepareReplan,
  startAdaptationJob,
} from "@/lib/generation";
import { apiRoute, jsonInput } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { replanSchema } from "@/lib/learning-path/adaptation-schema";
import { createSseResponse } from "@/lib/sse/response";

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
    const ticket = await claimGenerationTicket({ headers: request.headers, userId });
    const logger = createGenerationLogger();
    const job = await startAdaptationJob(prepared, {
      userId,
      ticket,
      logger,
      maxDurationSeconds: maxDuration,
    });
    keepRunning(job.finished);
    const headers: Record<string, string> = {
      "X-Request-Id": logger.requestId,
      "X-Generation-Id": job.id,
    };
    if (ticket.remaining !== null) headers["X-Generations-Remaining"] = String(ticket.remaining);
    return createSseResponse((signal) => followAsStarter(job, signal), request.signal, headers);
  },
);
