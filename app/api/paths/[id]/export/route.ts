import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { findLearningPathForUser } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, queryInput } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { learningPathToIcs, learningPathToMarkdown } from "@/lib/learning-path/export";
import { startDateSchema } from "@/lib/learning-path/start-date";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const exportQuerySchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("md") }),
  z.object({ format: z.literal("json") }),
  z.object({
    format: z.literal("ics"),
    start: startDateSchema,
  }),
]);

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "learning-path";

/** Downloads the caller's own path as Markdown, JSON or an .ics calendar. */
export const GET = apiRoute(
  { input: queryInput(exportQuerySchema), userId: requireUserId },
  async ({ input: query, userId }, { params }: RouteContext<"/api/paths/[id]/export">) => {
    const id = await routeId(params);
    const saved = await findLearningPathForUser(userId, id);
    if (!saved) throw new AppError("not_found");
    const name = slug(saved.path.title);
    const download = (body: string, type: string, extension: string) =>
      new Response(body, {
        headers: {
          "Content-Type": `${type}; charset=utf-8`,
          "Content-Disposition": `attachment; filename="${name}.${extension}"`,
          "Cache-Control": "private, no-store",
        },
      });
    if (query.format === "md")
      return download(learningPathToMarkdown(saved.path), "text/markdown", "md");
    if (query.format === "json")
      return download(JSON.stringify(saved.path, null, 2), "application/json", "json");
    return download(learningPathToIcs(saved.path, query.start, id), "text/calendar", "ics");
  },
);
