import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { saveLearningPath } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, jsonInput } from "@/lib/http/api-route";
import { findPlanProblems } from "@/lib/learning-path/invariants";
import { learningPathSchema } from "@/lib/learning-path/path-schema";
import { startDateSchema } from "@/lib/learning-path/start-date";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const guestSaveSchema = z.object({
  path: learningPathSchema,
  /** The day the learner starts; they can set it later on the path's page. */
  startDate: startDateSchema.optional(),
});

/**
 * Saves a path a guest generated in this tab to the account they just signed in to. The
 * path comes from the browser, so it is validated again here like model output.
 */
export const POST = apiRoute(
  {
    input: jsonInput(guestSaveSchema, 256 * 1024),
    userId: requireUserId,
  },
  async ({ input: { path, startDate }, userId }) => {
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
      startDate,
    );
    return Response.json({ id, redirect_url: `/paths/${id}` }, { status: 201 });
  },
);
