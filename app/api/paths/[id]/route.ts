import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { deleteLearningPathForUser, updateLearningPathForUser } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, jsonInput } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { startDateSchema } from "@/lib/learning-path/start-date";
import { safeText } from "@/lib/validation/safe-text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const pathUpdateSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .check(safeText("The name"))
      .min(1, "Enter a name")
      .max(200, "At most 200 characters")
      .optional(),
    archived: z.boolean().optional(),
    startDate: startDateSchema.optional(),
  })
  .refine(
    (change) => Object.values(change).some((value) => value !== undefined),
    "Nothing to change",
  );

/** Renames, archives / unarchives or sets the start date of the caller's own path. */
export const PATCH = apiRoute(
  { input: jsonInput(pathUpdateSchema, 1024), userId: requireUserId },
  async ({ input, userId }, { params }: RouteContext<"/api/paths/[id]">) => {
    const updated = await updateLearningPathForUser(userId, await routeId(params), input);
    if (!updated) throw new AppError("not_found");
    return Response.json(updated);
  },
);

export const DELETE = apiRoute(
  { userId: requireUserId },
  async ({ userId }, { params }: RouteContext<"/api/paths/[id]">) => {
    const deleted = await deleteLearningPathForUser(userId, await routeId(params));
    if (!deleted) throw new AppError("not_found");
    return new Response(null, { status: 204 });
  },
);
