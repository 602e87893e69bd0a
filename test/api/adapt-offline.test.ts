import { beforeAll, describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { buildSchedule } from "@/lib/learning-path/schedule";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import {
  type AdaptRoutes,
  adaptClient,
  importAdaptRoutes,
  milestoneShape,
} from "../support/adapt-routes";
import { collectEvents, request as learningRequest } from "../support/collect";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";
import { readFrames } from "../support/sse-frames";

// Adapting a saved path without a model: the offline engine regenerates a milestone and
// re-plans, deterministically (the same path and request give the same result).

let routes: AdaptRoutes;
let db: typeof import("@/lib/db");
let samplePath: LearningPath;

beforeAll(async () => {
  prepareTestDatabase();
  delete process.env.OPENAI_API_KEY;
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  routes = await importAdaptRoutes();
  db = await import("@/lib/db");
  const request = learningRequest({ topic: "Python", durationWeeks: 8, learningStyle: "visual" });
  const done = (await collectEvents(new OfflineProvider(), request)).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  samplePath = done.path;
});

async function newUserWithPath() {
  const user = await db.createPasswordUser(`offline-${Math.random()}@example.test`, undefined, "x");
  if (!user) throw new Error("no user");
  const pathId = await db.saveLearningPath(user.id, learningRequest(), samplePath, {});
  return { pathId, api: adaptClient(routes, await sessionCookie(user.id)) };
}

const finalPath = async (response: Response) => {
  const last = (await readFrames(response)).at(-1);
  expect(last?.event).toBe("done");
  return last?.data.path as LearningPath;
};

/** A path without the moment it was made, to compare two runs. */
const timeless = ({ generatedAt: _, ...path }: LearningPath) => path;

describe("offline engine", () => {
  it("regenerates a milestone deterministically, following the instruction", async () => {
    const [first, second] = await Promise.all([newUserWithPath(), newUserWithPath()]);
    const body = { instruction: "more hands-on, please" };
    const a = await finalPath(await first.api.regenerate(first.pathId, 2, body));
    const b = await finalPath(await second.api.regenerate(second.pathId, 2, body));
    expect(timeless(a)).toEqual(timeless(b));
    const milestone = a.milestones[2];
    expect(milestone?.title).toContain("(hands-on)");
    expect(milestone?.description).toContain("more hands-on, please");
    expect(a.generatedBy.provider).toBe("offline");
    expect(milestoneShape(a)).toEqual(milestoneShape(samplePath));
    const before = new Set(samplePath.milestones.flatMap((m) => m.resources.map((r) => r.url)));
    expect(milestone?.resources.every((resource) => !before.has(resource.url))).toBe(true);
  });

  it("re-plans deterministically: kept milestones stay, the weeks after them are new", async () => {
    const [first, second] = await Promise.all([newUserWithPath(), newUserWithPath()]);
    const body = { fromWeek: 3, hoursPerWeek: 2 };
    const a = await finalPath(await first.api.replan(first.pathId, body));
    const b = await finalPath(await second.api.replan(second.pathId, body));
    expect(timeless(a)).toEqual(timeless(b));
    const kept = samplePath.milestones.filter((m) => m.weekEnd < 3);
    expect(a.milestones.slice(0, kept.length)).toEqual(kept);
    expect(a.hoursPerWeek).toBe(2);
    expect(a.milestones.at(-1)?.weekEnd).toBe(8);
    expect(a.schedule).toEqual(buildSchedule(a.milestones));
  });

  it("re-plans with the path's own hours and length when the body names neither", async () => {
    const { pathId, api } = await newUserWithPath();
    const path = await finalPath(await api.replan(pathId, {}));
    expect(path.hoursPerWeek).toBe(samplePath.hoursPerWeek);
    expect(path.durationWeeks).toBe(samplePath.durationWeeks);
    expect(path.totalHours).toBe(samplePath.totalHours);
  });
});
