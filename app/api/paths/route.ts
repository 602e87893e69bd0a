import { requireUserId } from "@/lib/auth";
import { saveLearningPath } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, validInput } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-body";
import { findPlanProblems } from "@/lib/learning-path/invariants";
import { learningPathSchema } from "@/lib/learning-path/path-schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Saves a path a guest generated in this tab to the account they just signed in to. The
 * path comes from the browser, so it is validated again here like model output.
 */
export const POST = apiRoute(
  {
    input: async (request) => {
      const body = (await readJsonBody(request, 256 * 1024)) as { path?: unknown } | null;
      return validInput(learningPathSchema, body?.path);
    },
    userId: requireUserId,
  },
  async ({ input: path, userId }) => {
    const problems = findPlanProblems(path.milestones, path.durationWeeks, path.hoursPerWeek);
    if (problems.length > 0) {
      throw new AppError("invalid_input", {
        issues: problems.map((message) => ({ field: "path", message })),
      });
    }
    const id = await saveLearningPath(
      userId,
      {
        topic: path.topic,
        level: path.level,
        learningStyle: path.learningStyle,
        durationWeeks: path.durationWeeks,
        hoursPerWeek: path.hoursPerWeek,
        goals: path.goals,
      },
      path,
      {},
    );
    return Response.json({ id, redirect_url: `/paths/${id}` }, { status: 201 });
  },
);
