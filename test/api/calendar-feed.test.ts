import { beforeAll, describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request as learningRequest } from "../support/collect";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";

// A saved path's calendar feed: published and revoked by its owner only (404 for others,
// same-site only), served by its secret URL alone, always from the path as it is now.

let db: typeof import("@/lib/db");
let feedRoute: typeof import("@/app/api/paths/[id]/calendar-feed/route");
let calendarRoute: typeof import("@/app/api/calendar/[feed]/route");
let samplePath: LearningPath;

beforeAll(async () => {
  prepareTestDatabase();
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  db = await import("@/lib/db");
  feedRoute = await import("@/app/api/paths/[id]/calendar-feed/route");
  calendarRoute = await import("@/app/api/calendar/[feed]/route");
  const done = (
    await collectEvents(new OfflineProvider(), learningRequest({ durationWeeks: 3 }))
  ).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  samplePath = done.path;
});

async function newUserWithPath() {
  const user = await db.createPasswordUser(`feed-${Math.random()}@example.test`, undefined, "x");
  if (!user) throw new Error("no user");
  const id = await db.saveLearningPath(user.id, learningRequest(), samplePath, { generationMs: 1 });
  return { userId: user.id, pathId: id, cookie: await sessionCookie(user.id) };
}

const setFeed = (method: "POST" | "DELETE", pathId: string, headers: Record<string, string>) =>
  feedRoute[method](
    new Request(`http://localhost/api/paths/${pathId}/calendar-feed`, {
      method,
      headers: { host: "localhost", ...headers },
    }),
    { params: Promise.resolve({ id: pathId }) },
  );

async function publish(pathId: string, cookie: string): Promise<string> {
  const response = await setFeed("POST", pathId, { cookie });
  expect(response.status).toBe(200);
  const { url } = (await response.json()) as { url: string };
  return url;
}

/** Fetches a feed as a calendar app does: no cookie, no origin, just the URL. */
const fetchFeed = (url: string) => {
  const feed = url.split("/").at(-1) ?? "";
  return calendarRoute.GET(new Request(`http://localhost${url}`), {
    params: Promise.resolve({ feed }),
  });
};

const eventsIn = (calendar: string) => calendar.match(/BEGIN:VEVENT/g)?.length ?? 0;

describe("POST and DELETE /api/paths/<id>/calendar-feed", () => {
  it("publishes an unguessable .ics URL that anyone holding it can subscribe to", async () => {
    const { pathId, cookie } = await newUserWithPath();
    const url = await publish(pathId, cookie);
    expect(url).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d{1,3}$/);
    const calendar = await response.text();
    expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
    expect(calendar).toContain("X-WR-CALNAME:");
    // The feed names no path id (the event ids are derived from it, not equal to it).
    expect(calendar).not.toContain(pathId);
  });

  it("has no events until the path has a start date, then one per week from that day", async () => {
    const { userId, pathId, cookie } = await newUserWithPath();
    const url = await publish(pathId, cookie);
    const before = await (await fetchFeed(url)).text();
    expect(before).toContain("BEGIN:VCALENDAR");
    expect(eventsIn(before)).toBe(0);

    await db.updateLearningPathForUser(userId, pathId, { startDate: "2026-12-07" });
    const after = await (await fetchFeed(url)).text();
    expect(eventsIn(after)).toBe(samplePath.schedule.length);
    expect(after).toContain("DTSTART;VALUE=DATE:20261207");
  });

  it("is built from the path as it is at each fetch, so a calendar follows re-plans", async () => {
    const { userId, pathId, cookie } = await newUserWithPath();
    await db.updateLearningPathForUser(userId, pathId, { startDate: "2026-12-07" });
    const url = await publish(pathId, cookie);
    const first = await (await fetchFeed(url)).text();
    expect(first).toContain(`Week 1: ${samplePath.schedule[0]?.milestone}`);

    // A re-plan rewrites the stored path: the same URL then serves the new weeks.
    const replanned: LearningPath = {
      ...samplePath,
      schedule: samplePath.schedule.map((week) => ({ ...week, milestone: "Re-planned work" })),
    };
    await db
      .getDbForAuthAdapter()
      .learningPath.update({ where: { id: pathId }, data: { path: replanned } });
    await db.updateLearningPathForUser(userId, pathId, { startDate: "2027-01-04" });
    const second = await (await fetchFeed(url)).text();
    expect(second).toContain("Week 1: Re-planned work");
    expect(second).not.toContain(`Week 1: ${samplePath.schedule[0]?.milestone}`);
    expect(second).toContain("DTSTART;VALUE=DATE:20270104");
    // The same weeks keep the same event ids, so the app updates them instead of adding.
    const uids = (calendar: string) => calendar.match(/^UID:.*$/gm);
    expect(uids(second)).toEqual(uids(first));
  });

  it("stops working when revoked, and a new URL replaces the old one", async () => {
    const { pathId, cookie } = await newUserWithPath();
    const first = await publish(pathId, cookie);
    const second = await publish(pathId, cookie);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    const off = await setFeed("DELETE", pathId, { cookie });
    expect(await off.json()).toEqual({ url: null });
    const gone = await fetchFeed(second);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: "Not found.", code: "not_found" });
  });

  it("answers 404 to other users (as for a missing path), 401 without a session, 403 cross-site", async () => {
    const { pathId, cookie } = await newUserWithPath();
    const url = await publish(pathId, cookie);
    const stranger = await newUserWithPath();
    for (const method of ["POST", "DELETE"] as const) {
      const theirs = await setFeed(method, pathId, { cookie: stranger.cookie });
      const missing = await setFeed(method, "no-such-path", { cookie: stranger.cookie });
      expect(theirs.status).toBe(404);
      expect(await theirs.json()).toEqual(await missing.json());
      expect((await setFeed(method, pathId, {})).status).toBe(401);
      expect(
        (await setFeed(method, pathId, { cookie, origin: "https://evil.example" })).status,
      ).toBe(403);
    }
    // None of that touched the owner's feed.
    expect((await fetchFeed(url)).status).toBe(200);
  });
});

describe("GET /api/calendar/<token>.ics", () => {
  it("answers 404 to every URL that is not a live feed's, whatever its shape", async () => {
    const { userId, pathId, cookie } = await newUserWithPath();
    const live = (await publish(pathId, cookie)).split("/").at(-1) ?? "";
    const token = live.slice(0, -".ics".length);
    const { shareToken } = (await db.setLearningPathSharing(userId, pathId, true)) ?? {};
    const shapes = [
      token, // no .ics
      `${token}.ICS`,
      `${token}.ics.ics`,
      `${token.slice(1)}.ics`,
      `${token}x.ics`,
      `${"A".repeat(32)}.ics`, // right shape, no such feed
      `${shareToken}.ics`, // a share token is not a feed token
      `${token.slice(0, 31)}\u0000.ics`,
      `${token.slice(0, 31)}\ud800.ics`,
      "../paths.ics",
      ".ics",
      "",
      `${"A".repeat(5000)}.ics`,
    ];
    for (const feed of shapes) {
      const response = await calendarRoute.GET(new Request("http://localhost/api/calendar/x"), {
        params: Promise.resolve({ feed }),
      });
      expect(response.status, JSON.stringify(feed)).toBe(404);
    }
  });
});
