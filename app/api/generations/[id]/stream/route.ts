import { z } from "zod";
import { currentUserId } from "@/lib/auth";
import { findOwnJob, followJob, resumeTokenOf } from "@/lib/generation";
import { apiRoute, validInput } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { createSseResponse } from "@/lib/sse/response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** The frame a reader last saw: `Last-Event-ID` (header), or `?lastEventId=` for fetch clients. */
const lastEventIdSchema = z.object({
  lastEventId: z
    .string()
    .regex(/^\d{1,9}$/, "Last-Event-ID must be a frame number")
    .transform(Number)
    .default(0),
});

/**
 * Resumes a generation: replays every frame after the last one seen, with the same ids,
 * then follows the job to its end. Only its starter may: a signed-in user by session, a
 * guest by the resume token (`X-Resume-Token` or `?resumeToken=`). Anyone else gets 404.
 */
export const GET = apiRoute(
  {
    input: async (request) =>
      validInput(lastEventIdSchema, {
        lastEventId:
          request.headers.get("last-event-id") ??
          new URL(request.url).searchParams.get("lastEventId") ??
          undefined,
      }),
  },
  async ({ request, input }, { params }: RouteContext<"/api/generations/[id]/stream">) => {
    const job = await findOwnJob(await routeId(params), {
      // The session is read only for a signed-in user's job (a guest's needs the token).
      userId: () => currentUserId(request),
      resumeToken: resumeTokenOf(request),
    });
    return createSseResponse(
      (signal) => followJob(job.id, input.lastEventId, signal),
      request.signal,
    );
  },
);
