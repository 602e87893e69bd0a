import type { LearningPath } from "@/lib/learning-path/path-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request as learningRequest } from "./collect";
import { sessionCookie } from "./session";

// A signed-in learner who already has a saved path: the starting point of every test of
// the /api/paths/* endpoints. The path comes from the offline engine, so it is a real,
// valid one without any model call.

/** A finished four-week path from the offline engine. */
export async function offlineSamplePath(): Promise<LearningPath> {
  const done = (
    await collectEvents(new OfflineProvider(), learningRequest({ durationWeeks: 4 }))
  ).at(-1);
  if (done?.type !== "done") throw new Error("the offline engine finished without a path");
  return done.path;
}

/**
 * A new password user owning `path`, saved as a generated one, with their session
 * cookie. `db` is the test's own import of "@/lib/db" (made after its environment is set).
 */
export async function userWithSavedPath(db: typeof import("@/lib/db"), path: LearningPath) {
  const user = await db.createPasswordUser(`u-${crypto.randomUUID()}@example.test`, undefined, "x");
  if (!user) throw new Error("no user");
  const pathId = await db.saveLearningPath(user.id, learningRequest(), path, { generationMs: 1 });
  return { userId: user.id, pathId, cookie: await sessionCookie(user.id) };
}
