import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { deleteLearningPathForUser, updateLearningPathForUser } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { toFieldIssues } from "@/lib/errors/field-issues";
import { readJsonBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const pathUpdateSchema = z
  .strictObject({
    title: z.string().trim().min(1, "Enter a name").max(200, "At most 200 characters").optional(),
    archived: z.boolean().optional(),
  })
  .refine(
    (change) => change.title !== undefined || change.archived !== undefined,
    "Nothing to change",
  );

/** Checks origin and session, in that order, for the owner-only endpoints below. */
async function ownerOf(request: Request): Promise<string> {
  assertSameOrigin(request);
  return requireUserId(request);
}

/** Renames or archives / unarchives the caller's own path. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    const parsed = pathUpdateSchema.safeParse(await readJsonBody(request, 1024));
    if (!parsed.success)
      throw new AppError("invalid_input", { issues: toFieldIssues(parsed.error) });
    const updated = await updateLearningPathForUser(
      await ownerOf(request),
      (await params).id,
      parsed.data,
    );
    if (!updated) throw new AppError("not_found");
    return Response.json(updated);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const deleted = await deleteLearningPathForUser(await ownerOf(request), (await params).id);
    if (!deleted) throw new AppError("not_found");
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
