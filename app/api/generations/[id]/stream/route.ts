import { currentUserId } from "@/lib/auth";
import { AppError, errorResponse } from "@/lib/errors";
import { findOwnJob, followJob } from "@/lib/generation";
import { createSseResponse } from "@/lib/sse/response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

type Context = { params: Promise<{ id: string }> };

/**
 * Resumes a generation: replays every frame after `Last-Event-ID` (header, or
 * `?lastEventId=` for fetch clients) with the same ids, then follows it to its end.
 * Only its starter may: a signed-in user by session, a guest by the resume token
 * (`X-Resume-Token` header or `?resumeToken=`). Anyone else gets 404.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  let jobId: string;
  let after: number;
  try {
    const query = new URL(request.url).searchParams;
    after = lastEventId(request.headers.get("last-event-id") ?? query.get("lastEventId"));
    const job = await findOwnJob((await params).id, {
      userId: await currentUserId(request),
      resumeToken: request.headers.get("x-resume-token") ?? query.get("resumeToken") ?? undefined,
    });
    jobId = job.id;
  } catch (error) {
    return errorResponse(error);
  }
  return createSseResponse((signal) => followJob(jobId, after, signal), request.signal);
}

function lastEventId(value: string | null): number {
  if (value === null || value === "") return 0;
  if (!/^\d{1,9}$/.test(value)) {
    throw new AppError("invalid_input", {
      issues: [{ field: "lastEventId", message: "Last-Event-ID must be a frame number" }],
    });
  }
  return Number(value);
}
