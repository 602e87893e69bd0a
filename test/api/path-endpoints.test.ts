import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { prepareTestDatabase } from "../support/database";
import { offlineSamplePath, userWithSavedPath } from "../support/saved-path";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";

// Progress and guest-save endpoints: owner-only (404 otherwise), signed-in only, same-site only.

let fake: FakeOpenAi;
let db: typeof import("@/lib/db");
let progressRoute: typeof import("@/app/api/paths/[id]/progress/route");
let pathsRoute: typeof import("@/app/api/paths/route");
let pathRoute: typeof import("@/app/api/paths/[id]/route");
let exportRoute: typeof import("@/app/api/paths/[id]/export/route");
let shareRoute: typeof import("@/app/api/paths/[id]/share/route");
let samplePath: LearningPath;

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  db = await import("@/lib/db");
  progressRoute = await import("@/app/api/paths/[id]/progress/route");
  pathsRoute = await import("@/app/api/paths/route");
  pathRoute = await import("@/app/api/paths/[id]/route");
  exportRoute = await import("@/app/api/paths/[id]/export/route");
  shareRoute = await import("@/app/api/paths/[id]/share/route");
  samplePath = await offlineSamplePath();
});
afterAll(() => fake.close());

const cookieFor = (userId: string) => sessionCookie(userId);

const newUserWithPath = () => userWithSavedPath(db, samplePath);

function patch(pathId: string, body: unknown, headers: Record<string, string>) {
  return progressRoute.PATCH(
    new Request(`http://localhost/api/paths/${pathId}/progress`, {
      method: "PATCH",
      headers: { "content-type": "application/json", host: "localhost", ...headers },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: pathId }) },
  );
}

describe("PATCH /api/paths/<id>/progress", () => {
  it("lets the owner tick a milestone and reports the completion the dashboard shows", async () => {
    const { userId, pathId } = await newUserWithPath();
    const response = await patch(
      pathId,
      { kind: "milestone", milestone: 0, done: true },
      { cookie: await cookieFor(userId) },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { completion: number };
    expect(body.completion).toBeGreaterThan(0);
    const [summary] = await db.listLearningPathsForUser(userId);
    expect(summary?.completion).toBe(body.completion);
  });

  it("answers 404 to another user, as for a path that does not exist", async () => {
    const { pathId } = await newUserWithPath();
    const stranger = await newUserWithPath();
    const cookie = await cookieFor(stranger.userId);
    const theirs = await patch(pathId, { kind: "milestone", milestone: 0, done: true }, { cookie });
    const missing = await patch(
      "no-such-path",
      { kind: "milestone", milestone: 0, done: true },
      { cookie },
    );
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
  });

  it("answers 404 for an item the path does not have, 400 for a malformed change", async () => {
    const { userId, pathId } = await newUserWithPath();
    const cookie = await cookieFor(userId);
    expect(
      (await patch(pathId, { kind: "milestone", milestone: 99, done: true }, { cookie })).status,
    ).toBe(404);
    expect(
      (await patch(pathId, { kind: "milestone", milestone: "0", done: true }, { cookie })).status,
    ).toBe(400);
  });

  it("requires a session and refuses cross-site requests", async () => {
    const { userId, pathId } = await newUserWithPath();
    const change = { kind: "milestone", milestone: 0, done: true };
    expect((await patch(pathId, change, {})).status).toBe(401);
    const cookie = await cookieFor(userId);
    expect((await patch(pathId, change, { cookie, origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await patch(pathId, change, { cookie, "sec-fetch-site": "cross-site" })).status).toBe(
      403,
    );
  });

  it("keeps every tick when many arrive at once (each rewrites the same row)", async () => {
    const { userId, pathId } = await newUserWithPath();
    const cookie = await cookieFor(userId);
    const changes = samplePath.milestones
      .flatMap((milestone, index) => [
        { kind: "milestone", milestone: index, done: true },
        ...milestone.resources.map((_, resource) => ({
          kind: "resource",
          milestone: index,
          resource,
          done: true,
        })),
      ])
      .slice(0, 20);
    expect(changes.length).toBeGreaterThanOrEqual(10);
    const answers = await Promise.all(changes.map((change) => patch(pathId, change, { cookie })));
    expect(answers.map((answer) => answer.status)).toEqual(changes.map(() => 200));
    const { progress } = (await db.findLearningPathForUser(userId, pathId)) ?? {};
    const ticked = (progress?.milestones.length ?? 0) + (progress?.resources.length ?? 0);
    expect(ticked).toBe(changes.length);
  });
});

describe("POST /api/paths (a guest's path, saved after signing in)", () => {
  const post = (body: unknown, headers: Record<string, string>) =>
    pathsRoute.POST(
      new Request("http://localhost/api/paths", {
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost", ...headers },
        body: JSON.stringify(body),
      }),
    );

  it("validates the path again and saves it to the signed-in account", async () => {
    const { userId } = await newUserWithPath();
    const response = await post({ path: samplePath }, { cookie: await cookieFor(userId) });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect((await db.findLearningPathForUser(userId, id))?.path.title).toBe(samplePath.title);
  });

  it("rejects a path that breaks the schema or the invariants", async () => {
    const { userId } = await newUserWithPath();
    const cookie = await cookieFor(userId);
    const badLink = structuredClone(samplePath);
    badLink.milestones[0]!.resources[0]!.url = "javascript:alert(1)";
    const badWeeks = structuredClone(samplePath);
    badWeeks.milestones[0]!.weekStart = 3;
    expect((await post({ path: badLink }, { cookie })).status).toBe(400);
    expect((await post({ path: badWeeks }, { cookie })).status).toBe(400);
    expect((await post({ path: "x" }, { cookie })).status).toBe(400);
  });

  it("requires a session and refuses cross-site requests", async () => {
    const { userId } = await newUserWithPath();
    expect((await post({ path: samplePath }, {})).status).toBe(401);
    const cookie = await cookieFor(userId);
    expect(
      (await post({ path: samplePath }, { cookie, origin: "https://evil.example" })).status,
    ).toBe(403);
  });
});

describe("PATCH and DELETE /api/paths/<id>", () => {
  const call = (
    method: "PATCH" | "DELETE",
    pathId: string,
    headers: Record<string, string>,
    body?: unknown,
  ) =>
    pathRoute[method](
      new Request(`http://localhost/api/paths/${pathId}`, {
        method,
        headers: { "content-type": "application/json", host: "localhost", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve({ id: pathId }) },
    );

  it("renames (page and list agree) and archives the owner's path", async () => {
    const { userId, pathId } = await newUserWithPath();
    const cookie = await cookieFor(userId);
    expect((await call("PATCH", pathId, { cookie }, { title: "My Python plan" })).status).toBe(200);
    expect((await call("PATCH", pathId, { cookie }, { archived: true })).status).toBe(200);
    const [summary] = await db.listLearningPathsForUser(userId);
    expect(summary).toMatchObject({ title: "My Python plan", archived: true });
    expect((await db.findLearningPathForUser(userId, pathId))?.path.title).toBe("My Python plan");
    expect((await call("PATCH", pathId, { cookie }, { title: "  " })).status).toBe(400);
    expect((await call("PATCH", pathId, { cookie }, {})).status).toBe(400);
  });

  it("deletes only the owner's path; others get 404 and the path stays", async () => {
    const { userId, pathId } = await newUserWithPath();
    const stranger = await newUserWithPath();
    const strangerCookie = await cookieFor(stranger.userId);
    expect((await call("DELETE", pathId, { cookie: strangerCookie })).status).toBe(404);
    expect(
      (await call("PATCH", pathId, { cookie: strangerCookie }, { title: "Mine now" })).status,
    ).toBe(404);
    expect(await db.findLearningPathForUser(userId, pathId)).toBeDefined();
    const cookie = await cookieFor(userId);
    expect((await call("DELETE", pathId, { cookie, origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await call("DELETE", pathId, { cookie })).status).toBe(204);
    expect(await db.findLearningPathForUser(userId, pathId)).toBeUndefined();
  });

  it("refuses a cross-site PATCH with 403 before reading its body, however bad the body", async () => {
    const { userId, pathId } = await newUserWithPath();
    const cookie = await cookieFor(userId);
    const crossSite = { cookie, origin: "https://evil.example" };
    const oversized = { title: "x".repeat(4096) };
    for (const body of [oversized, "not an object", { unknownField: 1 }]) {
      const response = await call("PATCH", pathId, crossSite, body);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "cross_site" });
    }
    const notJson = await pathRoute.PATCH(
      new Request(`http://localhost/api/paths/${pathId}`, {
        method: "PATCH",
        headers: { "content-type": "text/plain", host: "localhost", ...crossSite },
        body: "{",
      }),
      { params: Promise.resolve({ id: pathId }) },
    );
    expect(notJson.status).toBe(403);
    // The same oversized body from this site's own page is read, and refused as too large.
    expect((await call("PATCH", pathId, { cookie }, oversized)).status).toBe(413);
  });
});

describe("GET /api/paths/<id>/export", () => {
  const get = (pathId: string, query: string, cookie?: string) =>
    exportRoute.GET(
      new Request(`http://localhost/api/paths/${pathId}/export?${query}`, {
        headers: cookie ? { cookie } : {},
      }),
      { params: Promise.resolve({ id: pathId }) },
    );

  it("exports Markdown with every milestone and link", async () => {
    const { userId, pathId } = await newUserWithPath();
    const response = await get(pathId, "format=md", await cookieFor(userId));
    expect(response.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.md"/);
    const text = await response.text();
    expect(text.startsWith(`# ${samplePath.title}`)).toBe(true);
    for (const milestone of samplePath.milestones) expect(text).toContain(milestone.title);
    expect(text).toContain(`](<${samplePath.milestones[0]!.resources[0]!.url}>)`);
  });

  it("exports JSON that is the saved path", async () => {
    const { userId, pathId } = await newUserWithPath();
    const response = await get(pathId, "format=json", await cookieFor(userId));
    expect(await response.json()).toEqual(samplePath);
  });

  it("exports a calendar with one week-long event per schedule week from the chosen date", async () => {
    const { userId, pathId } = await newUserWithPath();
    const response = await get(pathId, "format=ics&start=2027-01-04", await cookieFor(userId));
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(samplePath.schedule.length);
    expect(text).toContain("DTSTART;VALUE=DATE:20270104");
    expect(text).toContain("DTEND;VALUE=DATE:20270111");
    expect(text).toContain("DTSTART;VALUE=DATE:20270111");
    expect(text).toContain("SUMMARY:Week 1: ");
  });

  it("needs a real start date from 1970 to 2100 for the calendar, and answers 404 to other users", async () => {
    const { userId, pathId } = await newUserWithPath();
    const stranger = await newUserWithPath();
    expect((await get(pathId, "format=ics&start=tomorrow", await cookieFor(userId))).status).toBe(
      400,
    );
    // Year 0 became 1900 and year 9999 gave nine-digit dates; 30 February is no day.
    for (const start of ["9999-12-31", "0000-01-01", "2026-02-30"]) {
      const response = await get(pathId, `format=ics&start=${start}`, await cookieFor(userId));
      expect(response.status, start).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "invalid_input",
        issues: [{ field: "start", message: expect.stringMatching(/^Choose a start date/) }],
      });
    }
    expect((await get(pathId, "format=pdf", await cookieFor(userId))).status).toBe(400);
    expect((await get(pathId, "format=md", await cookieFor(stranger.userId))).status).toBe(404);
    expect((await get(pathId, "format=md")).status).toBe(401);
  });
});

describe("POST and DELETE /api/paths/<id>/share", () => {
  const call = (method: "POST" | "DELETE", pathId: string, headers: Record<string, string>) =>
    shareRoute[method](
      new Request(`http://localhost/api/paths/${pathId}/share`, {
        method,
        headers: { host: "localhost", ...headers },
      }),
      { params: Promise.resolve({ id: pathId }) },
    );

  it("turns an unguessable public link on, and off again", async () => {
    const { userId, pathId } = await newUserWithPath();
    const cookie = await cookieFor(userId);
    const on = (await (await call("POST", pathId, { cookie })).json()) as { url: string };
    expect(on.url).toMatch(/^\/shared\/[A-Za-z0-9_-]{32}$/);
    const token = on.url.split("/").at(-1)!;
    expect((await db.findSharedLearningPath(token))?.title).toBe(samplePath.title);
    expect(await (await call("DELETE", pathId, { cookie })).json()).toEqual({ url: null });
    expect(await db.findSharedLearningPath(token)).toBeUndefined();
  });

  it("gives a fresh token each time sharing is turned on", async () => {
    const { userId, pathId } = await newUserWithPath();
    const cookie = await cookieFor(userId);
    const first = (await (await call("POST", pathId, { cookie })).json()) as { url: string };
    const second = (await (await call("POST", pathId, { cookie })).json()) as { url: string };
    expect(second.url).not.toBe(first.url);
    expect(await db.findSharedLearningPath(first.url.split("/").at(-1)!)).toBeUndefined();
  });

  it("answers 404 to other users, 401 without a session and 403 cross-site", async () => {
    const { userId, pathId } = await newUserWithPath();
    const stranger = await newUserWithPath();
    expect((await call("POST", pathId, { cookie: await cookieFor(stranger.userId) })).status).toBe(
      404,
    );
    expect((await call("POST", pathId, {})).status).toBe(401);
    expect(
      (
        await call("POST", pathId, {
          cookie: await cookieFor(userId),
          origin: "https://evil.example",
        })
      ).status,
    ).toBe(403);
  });
});
