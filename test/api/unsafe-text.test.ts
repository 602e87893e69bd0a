import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { prepareTestDatabase } from "../support/database";
import { offlineSamplePath, userWithSavedPath } from "../support/saved-path";
import { TEST_AUTH_SECRET } from "../support/session";

// Issue 11, finding 1: text with NUL or a lone surrogate made all three paid model calls
// and then failed to save (an `internal` frame, the generation counted), and gave 500 on
// rename and on saving a guest's path, on both engines. Each is now 400 invalid_input
// naming the field, before any model call and without writing anything.

let fake: FakeOpenAi;
let db: typeof import("@/lib/db");
let streamRoute: typeof import("@/app/api/generate/stream/route");
let plainRoute: typeof import("@/app/api/generate/route");
let pathsRoute: typeof import("@/app/api/paths/route");
let pathRoute: typeof import("@/app/api/paths/[id]/route");
let shareRoute: typeof import("@/app/api/paths/[id]/share/route");
let exportRoute: typeof import("@/app/api/paths/[id]/export/route");
let samplePath: LearningPath;

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = fake.url;
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  db = await import("@/lib/db");
  streamRoute = await import("@/app/api/generate/stream/route");
  plainRoute = await import("@/app/api/generate/route");
  pathsRoute = await import("@/app/api/paths/route");
  pathRoute = await import("@/app/api/paths/[id]/route");
  shareRoute = await import("@/app/api/paths/[id]/share/route");
  exportRoute = await import("@/app/api/paths/[id]/export/route");
  samplePath = await offlineSamplePath();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** Rows of every table these routes write to, to prove a refused request wrote nothing. */
async function rowCounts() {
  const prisma = db.getDbForAuthAdapter();
  return {
    paths: await prisma.learningPath.count(),
    tickets: await prisma.generationTicket.count(),
    jobs: await prisma.generationJob.count(),
    frames: await prisma.generationFrame.count(),
    runs: await prisma.generationRun.count(),
  };
}

const newUserWithPath = () => userWithSavedPath(db, samplePath);

const send = (url: string, method: string, cookie: string, body: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json", host: "localhost", cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The answer must be 400 invalid_input naming exactly `field`. */
async function expectRefused(response: Response, field: string) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { code: string; issues: { field: string }[] };
  expect(body.code).toBe("invalid_input");
  expect(body.issues.map((issue) => issue.field)).toEqual([field]);
}

describe("a signed-in generation with unsafe text", () => {
  const valid = {
    topic: "Go",
    level: "beginner",
    learningStyle: "reading",
    durationWeeks: 4,
    hoursPerWeek: 3,
  };
  const cases = [
    ["topic with NUL", { topic: "abc\u0000def" }, "topic"],
    ["goal with NUL", { goals: ["ship it", "abc\u0000def"] }, "goals.1"],
    ["topic with a lone surrogate", { topic: "abc\ud800" }, "topic"],
  ] as const;

  it.each(cases)(
    "%s: 400 on both routes, no model call, nothing written",
    async (_, change, field) => {
      const { cookie } = await newUserWithPath();
      const before = await rowCounts();
      for (const route of [streamRoute, plainRoute]) {
        const url = route === streamRoute ? "/api/generate/stream" : "/api/generate";
        await expectRefused(
          await route.POST(send(url, "POST", cookie, { ...valid, ...change })),
          field,
        );
      }
      expect(fake.requests).toEqual([]);
      expect(await rowCounts()).toEqual(before);
    },
  );
});

describe("renaming a saved path to unsafe text", () => {
  it.each([
    ["NUL", "abc\u0000def"],
    ["a lone surrogate", "abc\ud800"],
    ["a line break", "Week one\nplan"],
  ])("with %s: 400 naming the title, and the name stays", async (_, title) => {
    const { pathId, userId, cookie } = await newUserWithPath();
    const response = await pathRoute.PATCH(
      send(`/api/paths/${pathId}`, "PATCH", cookie, { title }),
      {
        params: Promise.resolve({ id: pathId }),
      },
    );
    await expectRefused(response, "title");
    expect((await db.findLearningPathForUser(userId, pathId))?.path.title).toBe(samplePath.title);
  });
});

describe("saving a guest's path with unsafe text", () => {
  const spoiled: [string, (path: LearningPath) => void, string][] = [
    ["title", (path) => (path.title = "abc\u0000def"), "path.title"],
    [
      "milestone title",
      (path) => (path.milestones[0]!.title = "abc\ud800"),
      "path.milestones.0.title",
    ],
    [
      "resource link",
      (path) => (path.milestones[0]!.resources[0]!.url = "https://a.example/\u0000"),
      "path.milestones.0.resources.0.url",
    ],
    ["goal", (path) => (path.goals = ["abc\u0000def"]), "path.goals.0"],
    [
      "career outlook",
      (path) => (path.careerInsights.outlook = "bell\u0007"),
      "path.careerInsights.outlook",
    ],
  ];

  it.each(spoiled)("in the %s: 400 naming it, nothing saved", async (_, spoil, field) => {
    const { cookie } = await newUserWithPath();
    const path = structuredClone(samplePath);
    spoil(path);
    const before = await rowCounts();
    await expectRefused(await pathsRoute.POST(send("/api/paths", "POST", cookie, { path })), field);
    expect(await rowCounts()).toEqual(before);
  });

  it("keeps line breaks and tabs in longer text such as a milestone's description", async () => {
    const { cookie } = await newUserWithPath();
    const path = structuredClone(samplePath);
    path.milestones[0]!.description = "First:\n\tread the book.\r\nThen practise.";
    const response = await pathsRoute.POST(send("/api/paths", "POST", cookie, { path }));
    expect(response.status).toBe(201);
  });
});

describe("a path id with unsafe text in the URL", () => {
  it.each([
    ["NUL", "abc\u0000"],
    ["a lone surrogate", "abc\ud800"],
  ])("with %s: 404 like any unknown id (it was a database error: 500)", async (_, id) => {
    const { cookie } = await newUserWithPath();
    const context = { params: Promise.resolve({ id }) };
    const url = "/api/paths/x";
    const answers = [
      await pathRoute.PATCH(send(url, "PATCH", cookie, { title: "New" }), context),
      await pathRoute.DELETE(send(url, "DELETE", cookie, undefined), context),
      await shareRoute.POST(send(`${url}/share`, "POST", cookie, undefined), context),
      await exportRoute.GET(send(`${url}/export?format=md`, "GET", cookie, undefined), context),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
  });
});
