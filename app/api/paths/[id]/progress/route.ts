import { requireUserId } from "@/lib/auth";
import { updateLearningPathProgress } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { toFieldIssues } from "@/lib/errors/field-issues";
import { readJsonBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { progressChangeSchema } from "@/lib/learning-path/progress";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Ticks or unticks one milestone or resource of the caller's own saved path. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    assertSameOrigin(request);
    const parsed = progressChangeSchema.safeParse(await readJsonBody(request, 1024));
    if (!parsed.success)
      throw new AppError("invalid_input", { issues: toFieldIssues(parsed.error) });
    const userId = await requireUserId(request);
    const updated = await updateLearningPathProgress(userId, (await params).id, parsed.data);
    if (!updated) throw new AppError("not_found");
    return Response.json(updated);
  } catch (error) {
    return errorResponse(error);
  }
}
