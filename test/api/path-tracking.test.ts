import { beforeAll, describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request as learningRequest } from "../support/collect";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";

// Tracking a saved path: milestone ticks that tick resources, week ticks, and the start
// date (when saving a guest path and later). Owner-only: 404 for anyone else.

let db: typeof import("@/lib/db");
let progressRoute: typeof import("@/app/api/paths/[id]/progress/route");
let pathsRoute: typeof import("@/app/api/paths/route");
let pathRoute: typeof import("@/app/api/paths/[id]/route");
let samplePath: LearningPath;

beforeAll(async () => {
  prepareTestDatabase();
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  db = await import("@/lib/db");
  progressRoute = await import("@/app/api/paths/[id]/progress/route");
  pathsRoute = await import("@/app/api/paths/route");
  pathRoute = await import("@/app/api/paths/[id]/route");
  const done = (
    await collectEvents(new OfflineProvider(), learningRequest({ durationWeeks: 8 }))
  ).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  samplePath = done.path;
});

async function newUserWithPath() {
  const user = await db.createPasswordUser(`t-${Math.random()}@example.test`, undefined, "x");
  if (!user) throw new Error("no user");
  const pathId = await db.saveLearningPath(user.id, learningRequest(), samplePath, {});
  return { userId: user.id, pathId, cookie: await sessionCookie(user.id) };
}

const jsonRequest = (url: string, method: string, cookie: string, body: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json", host: "localhost", cookie },
    body: JSON.stringify(body),
  });

const tick = (pathId: string, cookie: string, body: unknown) =>
  progressRoute.PATCH(jsonRequest(`/api/paths/${pathId}/progress`, "PATCH", cookie, body), {
    params: Promise.resolve({ id: pathId }),
  });

const setStart = (pathId: string, cookie: string, startDate: unknown) =>
  pathRoute.PATCH(jsonRequest(`/api/paths/${pathId}`, "PATCH", cookie, { startDate }), {
    params: Promise.resolve({ id: pathId }),
  });

const BAD_DATES = ["2026-02-30", "2026-13-01", "1969-12-31", "2101-01-01", "30/11/2026", "", 5];

describe("ticks", () => {
  it("a milestone tick ticks its resources and is stored", async () => {
    const { userId, pathId, cookie } = await newUserWithPath();
    const response = await tick(pathId, cookie, { kind: "milestone", milestone: 0, done: true });
    expect(response.status).toBe(200);
    const resources = samplePath.milestones[0]?.resources.map((_, r) => `0:${r}`);
    const saved = await db.findLearningPathForUser(userId, pathId);
    expect(saved?.progress.resources.sort()).toEqual(resources?.sort());
  });

  it("stores a week tick, and counts its hours in the completion", async () => {
    const { userId, pathId, cookie } = await newUserWithPath();
    const response = await tick(pathId, cookie, { kind: "week", week: 1, done: true });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { completion: number }).completion).toBeGreaterThan(0);
    expect((await db.findLearningPathForUser(userId, pathId))?.progress.weeks).toEqual([1]);
  });

  it("answers 404 for another user's week and for a week the plan does not have", async () => {
    const { pathId } = await newUserWithPath();
    const stranger = await newUserWithPath();
    const week = { kind: "week", week: 1, done: true };
    expect((await tick(pathId, stranger.cookie, week)).status).toBe(404);
    const own = await newUserWithPath();
    const past = { kind: "week", week: samplePath.durationWeeks + 1, done: true };
    expect((await tick(own.pathId, own.cookie, past)).status).toBe(404);
  });

  it("answers 400 for a malformed week tick", async () => {
    const { pathId, cookie } = await newUserWithPath();
    for (const week of [0, -1, 1.5, "1", null]) {
      expect((await tick(pathId, cookie, { kind: "week", week, done: true })).status).toBe(400);
    }
    expect((await tick(pathId, cookie, { kind: "week", week: 1 })).status).toBe(400);
  });

  it("keeps every week tick when they arrive at once (the row is locked)", async () => {
    const { userId, pathId, cookie } = await newUserWithPath();
    const weeks = samplePath.schedule.map((row) => row.week);
    const answers = await Promise.all(
      weeks.map((week) => tick(pathId, cookie, { kind: "week", week, done: true })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(weeks.map(() => 200));
    expect((await db.findLearningPathForUser(userId, pathId))?.progress.weeks).toEqual(weeks);
  });
});

describe("start date", () => {
  it("the owner sets and changes it; the dashboard then knows the week", async () => {
    const { userId, pathId, cookie } = await newUserWithPath();
    expect((await db.findLearningPathForUser(userId, pathId))?.startDate).toBeNull();
    expect((await setStart(pathId, cookie, "2026-11-02")).status).toBe(200);
    expect((await setStart(pathId, cookie, "2026-11-09")).status).toBe(200);
    expect((await db.findLearningPathForUser(userId, pathId))?.startDate).toBe("2026-11-09");
    const [summary] = await db.listLearningPathsForUser(userId, "2026-11-23");
    expect(summary?.standing).toMatchObject({ week: 3, status: "behind" });
  });

  it("answers 404 to another user and leaves the date alone", async () => {
    const { userId, pathId } = await newUserWithPath();
    const stranger = await newUserWithPath();
    expect((await setStart(pathId, stranger.cookie, "2026-11-02")).status).toBe(404);
    expect((await db.findLearningPathForUser(userId, pathId))?.startDate).toBeNull();
  });

  it("accepts only a real day from 1970 to 2100", async () => {
    const { pathId, cookie } = await newUserWithPath();
    for (const date of BAD_DATES) {
      expect((await setStart(pathId, cookie, date)).status, String(date)).toBe(400);
    }
    expect((await setStart(pathId, cookie, "1970-01-01")).status).toBe(200);
    expect((await setStart(pathId, cookie, "2100-12-31")).status).toBe(200);
  });

  it("is saved with a guest's path, and validated there too", async () => {
    const { userId, cookie } = await newUserWithPath();
    const post = (body: unknown) =>
      pathsRoute.POST(jsonRequest("/api/paths", "POST", cookie, body));
    const response = await post({ path: samplePath, startDate: "2026-11-30" });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect((await db.findLearningPathForUser(userId, id))?.startDate).toBe("2026-11-30");
    for (const startDate of BAD_DATES) {
      expect((await post({ path: samplePath, startDate })).status, String(startDate)).toBe(400);
    }
  });
});
