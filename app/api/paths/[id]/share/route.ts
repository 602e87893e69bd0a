import { requireUserId } from "@/lib/auth";
import { setLearningPathSharing } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/same-origin";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function setSharing(
  request: Request,
  { params }: Context,
  shared: boolean,
): Promise<Response> {
  try {
    assertSameOrigin(request);
    const userId = await requireUserId(request);
    const result = await setLearningPathSharing(userId, (await params).id, shared);
    if (!result) throw new AppError("not_found");
    return Response.json({ url: result.shareToken ? `/shared/${result.shareToken}` : null });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Turns on a public read-only link (a fresh token each time). */
export function POST(request: Request, context: Context): Promise<Response> {
  return setSharing(request, context, true);
}

/** Turns the public link off; the old link answers 404 from then on. */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return setSharing(request, context, false);
}
