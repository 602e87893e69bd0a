import { requireUserId } from "@/lib/auth";
import { findLearningPathForUser } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, queryInput } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { exportLearningPath, pathExportRequestSchema } from "@/lib/learning-path/export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Downloads the caller's own path as Markdown, JSON or an .ics calendar. */
export const GET = apiRoute(
  { input: queryInput(pathExportRequestSchema), userId: requireUserId },
  async ({ input: query, userId }, { params }: RouteContext<"/api/paths/[id]/export">) => {
    const id = await routeId(params);
    const saved = await findLearningPathForUser(userId, id);
    if (!saved) throw new AppError("not_found");
    const file = exportLearningPath(saved.path, query, id);
    return new Response(file.body, {
      headers: {
        "Content-Type": `${file.mediaType}; charset=utf-8`,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
