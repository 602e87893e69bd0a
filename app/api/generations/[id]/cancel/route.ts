import { currentUserId } from "@/lib/auth";
import { errorResponse } from "@/lib/errors";
import { cancelJob, findOwnJob } from "@/lib/generation";
import { assertSameOrigin } from "@/lib/http/same-origin";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Cancel: stops the generation and its model call, wherever it runs. Only its starter
 * may (session, or a guest's `X-Resume-Token` header or `?resumeToken=`); anyone else
 * gets 404. Idempotent: cancelling a finished job changes nothing.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  try {
    assertSameOrigin(request);
    const query = new URL(request.url).searchParams;
    const job = await findOwnJob((await params).id, {
      userId: await currentUserId(request),
      resumeToken: request.headers.get("x-resume-token") ?? query.get("resumeToken") ?? undefined,
    });
    await cancelJob(job.id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
