import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GenerationEvent } from "@/lib/sse/events";
import { readGenerationStream } from "@/lib/sse/read";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";

// Saving for signed-in users, through the real route with a real session cookie, and the
// ownership rule of the data layer.

let fake: FakeOpenAi;
let POST: (request: Request) => Promise<Response>;
let cancelRoute: (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;
let db: typeof import("@/lib/db");
let passwords: typeof import("@/lib/auth/passwords");

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = fake.url;
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  ({ POST } = await import("@/app/api/generate/stream/route"));
  ({ POST: cancelRoute } = await import("@/app/api/generations/[id]/cancel/route"));
  db = await import("@/lib/db");
  passwords = await import("@/lib/auth/passwords");
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const body = {
  topic: "Go",
  level: "beginner",
  learningStyle: "reading",
  durationWeeks: 4,
  hoursPerWeek: 3,
};

async function newUser(label: string) {
  const created = await db.createPasswordUser(
    `${label}-${Math.random()}@example.test`,
    undefined,
    "x",
  );
  if (!created) throw new Error("user not created");
  return created.id;
}

/** Starts a generation; `finished` resolves with its events once its stream has ended. */
async function startGenerating(cookie?: string, signal?: AbortSignal) {
  const response = await POST(
    new Request("http://localhost/api/generate/stream", {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
      signal,
    }),
  );
  const events: GenerationEvent[] = [];
  const finished = readGenerationStream(response.body!, (event) => events.push(event))
    .catch(() => {})
    .then(() => events);
  return { generationId: response.headers.get("X-Generation-Id") ?? "", finished };
}

async function generate(cookie?: string, signal?: AbortSignal) {
  return (await startGenerating(cookie, signal)).finished;
}

describe("passwords", () => {
  it("hashes with bcrypt at cost 10 and verifies only the right password", async () => {
    const hash = await passwords.hashPassword("correct horse");
    expect(hash).toMatch(/^\$2[aby]\$10\$/);
    expect(await passwords.verifyPassword("correct horse", hash)).toBe(true);
    expect(await passwords.verifyPassword("wrong horse", hash)).toBe(false);
  });

  it("refuses a second account with the same email", async () => {
    const email = `twice-${Math.random()}@example.test`;
    expect(await db.createPasswordUser(email, undefined, "x")).toBeDefined();
    expect(await db.createPasswordUser(email, undefined, "y")).toBeUndefined();
  });
});

describe("saving generated paths", () => {
  it("saves a signed-in user's path before the done frame and redirects to it", async () => {
    const userId = await newUser("saver");
    const events = await generate(await sessionCookie(userId));
    const done = events.at(-1);
    if (done?.type !== "done") throw new Error("no done event");
    expect(done.redirect_url).toMatch(/^\/paths\/[a-z0-9]+$/);
    const id = done.redirect_url.split("/").at(-1)!;
    const saved = await db.findLearningPathForUser(userId, id);
    expect(saved?.path.title).toBe(done.path.title);
    const [summary] = await db.listLearningPathsForUser(userId);
    expect(summary).toMatchObject({ id, topic: "Go", level: "beginner" });
  });

  it("records the provider, model, token usage and generation time", async () => {
    const userId = await newUser("stats");
    await generate(await sessionCookie(userId));
    const row = await db.getDbForAuthAdapter().learningPath.findFirst({ where: { userId } });
    expect(row).toMatchObject({ provider: "openai", model: expect.any(String) });
    expect(row?.completionTokens).toBeGreaterThan(0);
    expect(row?.generationMs).toBeGreaterThanOrEqual(0);
    expect(row?.inputs).toMatchObject({ topic: "Go", durationWeeks: 4 });
  });

  it("gives another user nothing: their lookups find no such path", async () => {
    const owner = await newUser("owner");
    const stranger = await newUser("stranger");
    const done = (await generate(await sessionCookie(owner))).at(-1);
    if (done?.type !== "done") throw new Error("no done event");
    const id = done.redirect_url.split("/").at(-1)!;
    expect(await db.findLearningPathForUser(stranger, id)).toBeUndefined();
    expect(await db.listLearningPathsForUser(stranger)).toEqual([]);
  });

  it("keeps guests' paths off the server", async () => {
    const before = await db.getDbForAuthAdapter().learningPath.count();
    const done = (await generate()).at(-1);
    expect(done).toMatchObject({ type: "done", redirect_url: "/result" });
    expect(await db.getDbForAuthAdapter().learningPath.count()).toBe(before);
  });

  it("saves nothing when the generation fails", async () => {
    const userId = await newUser("failed");
    fake.setScenario({ malformed: "resources" });
    expect((await generate(await sessionCookie(userId))).at(-1)).toMatchObject({ type: "error" });
    expect(await db.countLearningPathsForUser(userId)).toBe(0);
  });

  it("saves nothing when the generation is cancelled", async () => {
    const userId = await newUser("cancelled");
    const cookie = await sessionCookie(userId);
    fake.setScenario({ delayMs: 20, chunkSize: 8 });
    const run = await startGenerating(cookie);
    // Cancel (not a lost connection: the job outlives that) once the model is answering.
    await expect
      .poll(() => fake.requests[0]?.chunksSent ?? 0, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    const cancelled = await cancelRoute(
      new Request(`http://localhost/api/generations/${run.generationId}/cancel`, {
        method: "POST",
        headers: { cookie },
      }),
      { params: Promise.resolve({ id: run.generationId }) },
    );
    expect(cancelled.status).toBe(204);
    // The starter's stream ends only after the job has finished, after any save: waiting
    // for its end, not for a while, is what makes "nothing was saved" final.
    expect((await run.finished).at(-1)).toMatchObject({ type: "error", code: "cancelled" });
    expect(await db.findJob(run.generationId)).toMatchObject({
      status: "cancelled",
      savedPathId: null,
    });
    expect(await db.countLearningPathsForUser(userId)).toBe(0);
  });

  it("ignores a forged session cookie", async () => {
    const userId = await newUser("forged");
    const forged = await sessionCookie(userId, "another-secret-entirely");
    expect((await generate(forged)).at(-1)).toMatchObject({ redirect_url: "/result" });
    expect(await db.countLearningPathsForUser(userId)).toBe(0);
  });
});
