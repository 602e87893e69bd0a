import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findPlanProblems } from "@/lib/learning-path/invariants";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { buildSchedule } from "@/lib/learning-path/schedule";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { FAKE_MODES } from "../fake-openai/modes";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import {
  type AdaptRoutes,
  adaptClient,
  importAdaptRoutes,
  milestoneShape,
  type VersionsBody,
  waitFor,
} from "../support/adapt-routes";
import { collectEvents, request as learningRequest } from "../support/collect";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";
import { readFrames } from "../support/sse-frames";

// Adapting a saved path through the AI provider (the fake model): regenerate a milestone,
// re-plan from a week, versions and undo. Each runs as a generation job; only the owner
// may touch the path, and a tick made meanwhile is never lost.

let fake: FakeOpenAi;
let routes: AdaptRoutes;
let db: typeof import("@/lib/db");
let samplePath: LearningPath;

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  Object.assign(process.env, {
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: fake.url,
    AUTH_SECRET: TEST_AUTH_SECRET,
  });
  routes = await importAdaptRoutes();
  db = await import("@/lib/db");
  const done = (
    await collectEvents(new OfflineProvider(), learningRequest({ durationWeeks: 8 }))
  ).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  samplePath = done.path;
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function newUserWithPath() {
  const user = await db.createPasswordUser(`adapt-${Math.random()}@example.test`, undefined, "x");
  if (!user) throw new Error("no user");
  const pathId = await db.saveLearningPath(user.id, learningRequest(), samplePath, {});
  const cookie = await sessionCookie(user.id);
  return { userId: user.id, pathId, api: adaptClient(routes, cookie) };
}

const savedPath = async (userId: string, pathId: string) => {
  const saved = await db.findLearningPathForUser(userId, pathId);
  if (!saved) throw new Error("path gone");
  return saved;
};

const ticketsOf = (userId: string) => db.countTicketsToday(`user:${userId}`);

describe("regenerate a milestone", () => {
  it("replaces only that milestone's content, keeps its weeks and hours, and saves a new version", async () => {
    const { userId, pathId, api } = await newUserWithPath();
    await api.tick(pathId, { kind: "resource", milestone: 1, resource: 0, done: true });
    await api.tick(pathId, { kind: "resource", milestone: 0, resource: 0, done: true });
    const response = await api.regenerate(pathId, 1, { instruction: "more hands-on" });
    expect(response.status).toBe(200);
    const jobId = response.headers.get("x-generation-id");
    const frames = await readFrames(response);
    expect(frames[0]?.data.generationId).toBe(jobId);
    const done = frames.at(-1);
    expect(done?.event).toBe("done");
    expect(done?.data.redirect_url).toBe(`/paths/${pathId}`);
    const path = done?.data.path as LearningPath;
    expect(path.milestones[1]?.title).toContain("rewritten (more hands-on)");
    expect(path.milestones[1]?.resources.map((r) => r.url)).toEqual([
      "https://example.org/rewritten/2/exercises",
      "https://example.org/rewritten/2/guide",
    ]);
    expect(milestoneShape(path)).toEqual(milestoneShape(samplePath));
    expect(path.milestones.filter((_, m) => m !== 1)).toEqual(
      samplePath.milestones.filter((_, m) => m !== 1),
    );
    expect(path.schedule).toEqual(buildSchedule(path.milestones));
    // The instruction reached the model, fenced as data.
    const call = fake.requests.find((request) => request.kind === "milestone");
    expect(call?.userMessage).toContain('<instruction>"more hands-on"</instruction>');
    const saved = await savedPath(userId, pathId);
    expect(saved.path).toEqual(path);
    // The regenerated milestone's resource ticks are dropped; others stay.
    expect(saved.progress.resources).toEqual(["0:0"]);
    const versions = (await (await api.versions(pathId)).json()) as VersionsBody;
    expect(versions.versions.map((v) => [v.number, v.change.kind, v.current])).toEqual([
      [2, "regenerate-milestone", true],
      [1, "generated", false],
    ]);
    expect(await ticketsOf(userId)).toBe(1);
  });

  it("cancelled midway through the cancel endpoint changes nothing and is not counted", async () => {
    fake.setScenario({ delayMs: 60, chunkSize: 4 });
    const { userId, pathId, api } = await newUserWithPath();
    const response = await api.regenerate(pathId, 2, {});
    const jobId = response.headers.get("x-generation-id") ?? "";
    const reading = readFrames(response);
    await waitFor(() => fake.requests.some((request) => request.chunksSent > 2));
    expect((await api.cancel(jobId)).status).toBe(204);
    const frames = await reading;
    expect(frames.at(-1)?.data.code).toBe("cancelled");
    expect(frames.some((frame) => frame.event === "done")).toBe(false);
    await waitFor(async () => (await ticketsOf(userId)) === 0);
    expect((await savedPath(userId, pathId)).path).toEqual(samplePath);
    const versions = (await (await api.versions(pathId)).json()) as VersionsBody;
    expect(versions.versions).toHaveLength(1);
  });

  it("keeps a tick made while the milestone is being written", async () => {
    fake.setScenario({ delayMs: 30, chunkSize: 8 });
    const { userId, pathId, api } = await newUserWithPath();
    const response = await api.regenerate(pathId, 3, {});
    const reading = readFrames(response);
    await waitFor(() => fake.requests.some((request) => request.chunksSent > 1));
    const tick = await api.tick(pathId, { kind: "milestone", milestone: 0, done: true });
    expect(tick.status).toBe(200);
    expect((await reading).at(-1)?.event).toBe("done");
    const saved = await savedPath(userId, pathId);
    expect(saved.path.milestones[3]?.title).toContain("rewritten");
    expect(saved.progress.milestones).toEqual([0]);
    expect(saved.progress.resources.sort()).toEqual(
      samplePath.milestones[0]?.resources.map((_, r) => `0:${r}`).sort(),
    );
  });

  it("saves only the first of two changes made at once; the other ends with path_changed, not counted", async () => {
    fake.setScenario({ delayMs: 10, chunkSize: 16 });
    const { userId, pathId, api } = await newUserWithPath();
    const ends = await Promise.all(
      [0, 1].map(async (index) => (await readFrames(await api.regenerate(pathId, index))).at(-1)),
    );
    expect(ends.map((end) => end?.event).sort()).toEqual(["done", "error"]);
    expect(ends.find((end) => end?.event === "error")?.data.code).toBe("path_changed");
    const versions = (await (await api.versions(pathId)).json()) as VersionsBody;
    expect(versions.versions).toHaveLength(2);
    await waitFor(async () => (await ticketsOf(userId)) === 1);
  });

  it("answers 404 for a milestone the path does not have, 400 for an over-long instruction", async () => {
    const { pathId, api } = await newUserWithPath();
    expect((await api.regenerate(pathId, samplePath.milestones.length)).status).toBe(404);
    expect((await api.regenerate(pathId, "one")).status).toBe(404);
    const long = await api.regenerate(pathId, 0, { instruction: "x".repeat(301) });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ issues: [{ field: "instruction" }] });
    expect(fake.requests).toHaveLength(0);
  });
});

describe("re-plan from here", () => {
  it("counts a re-plan cancelled after the model wrote milestones, as a generation is, and saves nothing", async () => {
    fake.setScenario({ delayMs: 20, chunkSize: 8 });
    const { userId, pathId, api } = await newUserWithPath();
    const response = await api.replan(pathId, { hoursPerWeek: 10 });
    const jobId = response.headers.get("x-generation-id") ?? "";
    const reading = readFrames(response);
    // The milestones are written and the resources call is streaming: money was spent.
    await waitFor(() =>
      fake.requests.some((request) => request.kind === "resources" && request.chunksSent > 1),
    );
    expect((await api.cancel(jobId)).status).toBe(204);
    const frames = await reading;
    expect(frames.some((frame) => frame.data.milestone)).toBe(true);
    expect(frames.at(-1)?.data.code).toBe("cancelled");
    await waitFor(async () => (await db.findJob(jobId))?.status === "cancelled");
    expect(await ticketsOf(userId)).toBe(1);
    expect((await savedPath(userId, pathId)).path).toEqual(samplePath);
  });

  it("keeps finished milestones and their ticks; the remaining weeks fit the new hours", async () => {
    const { userId, pathId, api } = await newUserWithPath();
    await api.tick(pathId, { kind: "milestone", milestone: 0, done: true });
    await api.tick(pathId, { kind: "week", week: 1, done: true });
    const before = await savedPath(userId, pathId);
    const response = await api.replan(pathId, { hoursPerWeek: 10 });
    expect(response.status).toBe(200);
    const done = (await readFrames(response)).at(-1);
    expect(done?.event).toBe("done");
    const path = done?.data.path as LearningPath;
    const kept = samplePath.milestones[0];
    if (!kept) throw new Error("no milestone");
    expect(path.milestones[0]).toEqual(kept);
    expect(path.hoursPerWeek).toBe(10);
    const rest = path.milestones.slice(1).map((m) => ({
      ...m,
      weekStart: m.weekStart - kept.weekEnd,
      weekEnd: m.weekEnd - kept.weekEnd,
    }));
    expect(findPlanProblems(rest, path.durationWeeks - kept.weekEnd, 10)).toEqual([]);
    expect(findPlanProblems([kept], kept.weekEnd, samplePath.hoursPerWeek)).toEqual([]);
    expect(path.schedule).toEqual(buildSchedule(path.milestones));
    expect(path.totalHours).toBe(path.milestones.reduce((sum, m) => sum + m.estimatedHours, 0));
    const saved = await savedPath(userId, pathId);
    expect(saved.progress).toEqual(before.progress);
  });

  it("fits a new end date counted from the start date", async () => {
    const { userId, pathId, api } = await newUserWithPath();
    const noStart = await api.replan(pathId, { endDate: "2027-03-01" });
    expect(noStart.status).toBe(400);
    expect(await noStart.json()).toMatchObject({ issues: [{ field: "endDate" }] });
    await db.updateLearningPathForUser(userId, pathId, { startDate: "2026-01-05" });
    // Twelve weeks from 2026-01-05 end on 2026-03-29; from week 3 on.
    const response = await api.replan(pathId, { endDate: "2026-03-29", fromWeek: 3 });
    const path = (await readFrames(response)).at(-1)?.data.path as LearningPath;
    expect(path.durationWeeks).toBe(12);
    expect(path.milestones[0]).toEqual(samplePath.milestones[0]);
    expect(path.milestones.at(-1)?.weekEnd).toBe(12);
    const weeks = path.milestones.flatMap((m) =>
      Array.from({ length: m.weekEnd - m.weekStart + 1 }, (_, i) => m.weekStart + i),
    );
    expect(weeks).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("refuses a re-plan from week 0 or with no weeks left", async () => {
    const { pathId, api } = await newUserWithPath();
    expect((await api.replan(pathId, { fromWeek: 0 })).status).toBe(400);
    expect((await api.replan(pathId, { hoursPerWeek: 41 })).status).toBe(400);
    const last = samplePath.milestones.length - 1;
    await api.tick(pathId, { kind: "milestone", milestone: last, done: true });
    const full = await api.replan(pathId, { hoursPerWeek: 3 });
    expect(full.status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("versions and undo", () => {
  it("reads a version with what changed, and undo restores the previous version as a new one", async () => {
    const { userId, pathId, api } = await newUserWithPath();
    expect((await api.undo(pathId)).status).toBe(409);
    await readFrames(await api.regenerate(pathId, 0, {}));
    const changed = (await savedPath(userId, pathId)).path;
    const list = (await (await api.versions(pathId)).json()) as VersionsBody;
    const newest = list.versions[0];
    if (!newest) throw new Error("no version");
    const read = (await (await api.version(pathId, newest.id)).json()) as {
      path: LearningPath;
      changes: { milestone: number; field: string; before?: string; after?: string }[];
    };
    expect(read.path).toEqual(changed);
    expect(read.changes).toContainEqual({
      milestone: 0,
      field: "title",
      before: samplePath.milestones[0]?.title,
      after: changed.milestones[0]?.title,
    });
    expect(read.changes.every((change) => change.milestone === 0)).toBe(true);

    await db.updateLearningPathForUser(userId, pathId, { title: "My own name" });
    const undone = await api.undo(pathId);
    expect(undone.status).toBe(200);
    const body = (await undone.json()) as { path: LearningPath; version: { number: number } };
    expect(body.path.milestones).toEqual(samplePath.milestones);
    expect(body.path.title).toBe("My own name");
    expect(body.version).toMatchObject({ number: 3, change: { kind: "undo" }, current: true });
    // The undo itself can be undone.
    const redone = (await (await api.undo(pathId)).json()) as { path: LearningPath };
    expect(redone.path.milestones).toEqual(changed.milestones);
    expect((await savedPath(userId, pathId)).path.milestones).toEqual(changed.milestones);
  });

  it("answers 404 on every adapt endpoint to another user, and changes nothing", async () => {
    const { userId, pathId, api } = await newUserWithPath();
    await readFrames(await api.regenerate(pathId, 0, {}));
    const before = await savedPath(userId, pathId);
    const versionId =
      ((await (await api.versions(pathId)).json()) as VersionsBody).versions[0]?.id ?? "";
    const stranger = (await newUserWithPath()).api;
    fake.reset();
    const answers = await Promise.all([
      stranger.regenerate(pathId, 0, {}),
      stranger.replan(pathId, { hoursPerWeek: 3 }),
      stranger.versions(pathId),
      stranger.version(pathId, versionId),
      stranger.undo(pathId),
      api.version(pathId, "no-such-version"),
      api.versions("no-such-path"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(fake.requests).toHaveLength(0);
    expect(await savedPath(userId, pathId)).toEqual(before);
  });
});

describe("the fake model's misbehaviours", () => {
  for (const mode of FAKE_MODES) {
    it(`regenerate and re-plan still give a sound path: ${mode.name}`, async () => {
      fake.setScenario(mode.scenario);
      const { pathId, api } = await newUserWithPath();
      const regenerated = (await readFrames(await api.regenerate(pathId, 1, {}))).at(-1);
      expect(regenerated?.event).toBe("done");
      const replanned = (await readFrames(await api.replan(pathId, { hoursPerWeek: 6 }))).at(-1);
      expect(replanned?.event).toBe("done");
      const path = replanned?.data.path as LearningPath;
      expect(findPlanProblems(path.milestones, path.durationWeeks, 6)).toEqual([]);
      expect(path.milestones.every((m) => m.resources.length > 0)).toBe(true);
    });
  }
});
