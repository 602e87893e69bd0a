import { currentUserId } from "@/lib/auth";
import { cancelJob, findOwnJob, resumeTokenOf } from "@/lib/generation";
import { apiRoute } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Cancel: stops the generation and its model call, wherever it runs. Only its starter
 * may (session, or a guest's `X-Resume-Token` header or `?resumeToken=`); anyone else
 * gets 404. Idempotent: cancelling a finished job changes nothing.
 */
export const POST = apiRoute(
  {},
  async ({ request }, { params }: RouteContext<"/api/generations/[id]/cancel">) => {
    const job = await findOwnJob(await routeId(params), {
      // The session is read only for a signed-in user's job (a guest's needs the token).
      userId: () => currentUserId(request),
      resumeToken: resumeTokenOf(request),
    });
    await cancelJob(job.id);
    return new Response(null, { status: 204 });
  },
);
