import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";

// Quotas on the generation endpoints: per guest address and per user per day, and a
// limit on streams at once. Everything goes through the real route handlers and the
// database, so the limits are the ones every serverless instance would share.

let fake: FakeOpenAi;
let streamRoute: (request: Request) => Promise<Response>;
let jsonRoute: (request: Request) => Promise<Response>;
let cancelRoute: (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;
let db: typeof import("@/lib/db");
let quota: typeof import("@/lib/generation");

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  Object.assign(process.env, {
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: fake.url,
    AUTH_SECRET: TEST_AUTH_SECRET,
    RATE_LIMIT_GUEST_PER_DAY: "2",
    RATE_LIMIT_USER_PER_DAY: "3",
    RATE_LIMIT_CONCURRENT: "2",
    TRUST_PROXY: "1",
  });
  ({ POST: streamRoute } = await import("@/app/api/generate/stream/route"));
  ({ POST: cancelRoute } = await import("@/app/api/generations/[id]/cancel/route"));
  ({ POST: jsonRoute } = await import("@/app/api/generate/route"));
  db = await import("@/lib/db");
  quota = await import("@/lib/generation");
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const body = JSON.stringify({
  topic: "SQL",
  level: "beginner",
  learningStyle: "kinesthetic",
  durationWeeks: 4,
  hoursPerWeek: 4,
  goals: [],
});

let addressCounter = 0;
/** A fresh guest address per test, so tests do not share a quota. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

function generate(
  headers: Record<string, string>,
  options: { route?: "stream" | "json"; signal?: AbortSignal } = {},
) {
  const route = options.route === "json" ? jsonRoute : streamRoute;
  return route(
    new Request(`http://localhost/api/generate${options.route === "json" ? "" : "/stream"}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      signal: options.signal,
    }),
  );
}

const modelCalls = () => fake.requests.filter((request) => request.kind === "curriculum").length;

describe("generation quotas", () => {
  it("gives a guest address its daily number, then a 429 with Retry-After before any stream", async () => {
    const address = { "x-forwarded-for": freshAddress() };
    const first = await generate(address);
    expect(first.headers.get("x-generations-remaining")).toBe("1");
    await first.text();
    const second = await generate(address);
    expect(second.headers.get("x-generations-remaining")).toBe("0");
    await second.text();
    const callsBefore = modelCalls();

    const refused = await generate(address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("application/json");
    const retryAfter = Number(refused.headers.get("retry-after"));
    // The oldest of today's generations leaves the 24-hour window in about a day.
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(await refused.json()).toMatchObject({
      code: "daily_limit",
      error: expect.stringMatching(/today/),
      retry_after_seconds: retryAfter,
    });
    expect(modelCalls()).toBe(callsBefore);
    expect(await quota.ticketsLeftToday({ headers: new Headers(address) })).toEqual({
      limit: 2,
      remaining: 0,
    });
  });

  it("counts the address the trusted proxy saw, not what the client wrote before it", async () => {
    const address = freshAddress();
    for (const forged of ["1.1.1.1", "2.2.2.2"]) {
      await (await generate({ "x-forwarded-for": `${forged}, ${address}` })).text();
    }
    const refused = await generate({ "x-forwarded-for": `3.3.3.3, ${address}` });
    expect(refused.status).toBe(429);
    // Another address still has its own quota.
    const other = await generate({ "x-forwarded-for": freshAddress() });
    expect(other.status).toBe(200);
    await other.text();
  });

  it("stores a guest's address only as a keyed hash", async () => {
    const address = freshAddress();
    await (await generate({ "x-forwarded-for": address })).text();
    const { getDb } = await import("@/lib/db/client");
    const subjects = (await getDb().generationTicket.findMany({ select: { subject: true } })).map(
      (ticket) => ticket.subject,
    );
    const plainHash = createHash("sha256").update(address).digest("base64url").slice(0, 22);
    expect(subjects.some((subject) => subject.includes(address))).toBe(false);
    expect(subjects).not.toContain(`guest:${plainHash}`);
    expect(subjects.filter((subject) => subject.startsWith("guest:")).length).toBeGreaterThan(0);
  });

  it("applies to the non-streaming endpoint too", async () => {
    const address = { "x-forwarded-for": freshAddress() };
    expect((await generate(address, { route: "json" })).status).toBe(200);
    expect((await generate(address, { route: "json" })).status).toBe(200);
    const refused = await generate(address, { route: "json" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
  });

  it("does not count a generation the AI service could not start", async () => {
    const address = { "x-forwarded-for": freshAddress() };
    fake.setScenario({ failWith: { status: 500 } });
    const failed = await generate(address);
    expect(await failed.text()).toContain("upstream_unavailable");
    fake.reset();
    // The ticket is given back just after the stream ends, off the stream's path.
    await waitFor(async () => {
      const ticketsLeft = await quota.ticketsLeftToday({ headers: new Headers(address) });
      return ticketsLeft?.remaining === 2;
    });
  });

  it("gives signed-in users their own daily number, whatever their address", async () => {
    const signedIn = await signedInUser();
    for (const remaining of ["2", "1", "0"]) {
      const response = await generate(signedIn);
      expect(response.headers.get("x-generations-remaining")).toBe(remaining);
      await response.text();
    }
    expect((await generate(signedIn)).status).toBe(429);
    // The same address as a guest is not affected by the user's use.
    const guest = await generate({ "x-forwarded-for": signedIn["x-forwarded-for"] });
    expect(guest.status).toBe(200);
    await guest.text();
  });

  it("allows two streams at once; a third waits until one ends", async () => {
    fake.setScenario({ hang: { afterChunks: 1 } });
    // A user (3 a day), so the daily number does not run out first.
    const address = await signedInUser();
    const first = new AbortController();
    const second = new AbortController();
    const controllers = [first, second];
    const running = await Promise.all(
      controllers.map((controller) => generate(address, { signal: controller.signal })),
    );
    expect(running.map((response) => response.status)).toEqual([200, 200]);
    // Read them as a browser does, so the server is waiting on the model, not on us.
    for (const response of running) void response.text().catch(() => {});

    const third = await generate(address);
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ code: "concurrent_limit" });
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);

    // Cancelling one frees its place (a closed tab does not: the job goes on).
    await cancelRoute(
      new Request(
        `http://localhost/api/generations/${running[0]?.headers.get("x-generation-id")}/cancel`,
        {
          method: "POST",
          headers: address,
        },
      ),
      { params: Promise.resolve({ id: running[0]?.headers.get("x-generation-id") ?? "" }) },
    );
    const again = new AbortController();
    await waitFor(async () => {
      const retry = await generate(address, { signal: again.signal });
      if (retry.status === 200) {
        await cancelRoute(new Request("http://localhost/", { method: "POST", headers: address }), {
          params: Promise.resolve({ id: retry.headers.get("x-generation-id") ?? "" }),
        });
        return true;
      }
      await retry.text();
      return false;
    });
    again.abort();
    await cancelRoute(new Request("http://localhost/", { method: "POST", headers: address }), {
      params: Promise.resolve({ id: running[1]?.headers.get("x-generation-id") ?? "" }),
    });
    second.abort();
    first.abort();
  });

  it("never grants more places than the limit to claims arriving together", async () => {
    const subject = `race-${Date.now()}`;
    const claims = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.claimTicket(subject, { perDay: 100, concurrent: 2, staleAfterMs: 60_000 }),
      ),
    );
    expect(claims.filter((claim) => claim.granted)).toHaveLength(2);
  });

  it("stores a granted claim's job with its ticket, and no job for a refused claim", async () => {
    const subject = `with-job-${Date.now()}`;
    const limits = { perDay: 100, concurrent: 1, staleAfterMs: 60_000 };
    const now = new Date();
    const granted = await db.claimTicket(subject, limits, now, {
      id: `${subject}-1`,
      resumeTokenHash: "ab".repeat(32),
      leaseMs: 30_000,
    });
    const refused = await db.claimTicket(subject, limits, now, { id: `${subject}-2`, leaseMs: 0 });
    if (!granted.granted) throw new Error("not granted");
    expect(refused.granted).toBe(false);
    expect(await db.findJob(`${subject}-1`)).toMatchObject({
      ticketId: granted.ticketId,
      userId: null,
      resumeTokenHash: "ab".repeat(32),
      status: "running",
      leaseUntil: new Date(now.getTime() + 30_000),
    });
    expect(await db.findJob(`${subject}-2`)).toBeNull();
  });

  it("settles a job's ticket with its end, and leaves one the sweep already gave back alone", async () => {
    const limits = { perDay: 100, concurrent: 5, staleAfterMs: 60_000 };
    const { getDb } = await import("@/lib/db/client");
    const ticketOf = (id: string) => getDb().generationTicket.findUnique({ where: { id } });
    const claimed = async (name: string) => {
      const id = `${name}-${Date.now()}`;
      const claim = await db.claimTicket(id, limits, new Date(), { id, leaseMs: 30_000 });
      if (!claim.granted) throw new Error("not granted");
      return { id, ticketId: claim.ticketId };
    };
    const frame = (jobId: string) => ({ jobId, seq: 1, event: "done", data: "{}" });

    const counted = await claimed("ends-counted");
    await db.finishJob(counted.id, {
      status: "complete",
      refundTicket: false,
      lastFrames: [frame(counted.id)],
    });
    expect((await ticketOf(counted.ticketId))?.finishedAt).toBeInstanceOf(Date);
    expect(await db.findJob(counted.id)).toMatchObject({ status: "complete" });
    expect(await db.framesAfter(counted.id, 0)).toHaveLength(1);

    const refunded = await claimed("ends-refunded");
    await db.finishJob(refunded.id, { status: "cancelled", refundTicket: true, lastFrames: [] });
    expect(await ticketOf(refunded.ticketId)).toBeNull();

    // The sweep marked this one interrupted (its ticket is the sweep's to give back).
    const swept = await claimed("ends-swept");
    await getDb().generationJob.update({
      where: { id: swept.id },
      data: { status: "interrupted" },
    });
    for (const refundTicket of [false, true]) {
      await db.finishJob(swept.id, { status: "complete", refundTicket, lastFrames: [] });
    }
    expect(await db.findJob(swept.id)).toMatchObject({ status: "interrupted" });
    expect(await ticketOf(swept.ticketId)).toMatchObject({ finishedAt: null });
  });

  it("the periodic sweep deletes everyone's tickets older than a day", async () => {
    const limits = { perDay: 100, concurrent: 5, staleAfterMs: 60_000 };
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const gone = `gone-${Date.now()}`;
    await db.claimTicket(gone, limits, twoDaysAgo);
    // Seen from that day, the ticket exists.
    const thatDay = new Date(twoDaysAgo.getTime() + 60_000);
    expect(await db.countTicketsToday(gone, thatDay)).toBe(1);
    const { sweepExpired } = await import("@/lib/generation/jobs");
    await sweepExpired();
    expect(await db.countTicketsToday(gone, thatDay)).toBe(0);
  });

  it("a job whose process died does not keep its starter waiting for the periodic sweep", async () => {
    const { id: userId, headers: address } = await newUser();
    // Both of the user's places are held by jobs whose instance died (lease run out).
    for (const n of [1, 2]) {
      const claim = await db.claimTicket(
        `user:${userId}`,
        { perDay: null, concurrent: 2, staleAfterMs: 600_000 },
        new Date(),
        { id: `dead-${userId}-${n}`, userId, leaseMs: -1000 },
      );
      if (!claim.granted) throw new Error("not granted");
    }
    const response = await generate(address);
    expect(response.status).toBe(200);
    await response.text();
    expect((await db.findJob(`dead-${userId}-1`))?.status).toBe("interrupted");
  });

  it.runIf(process.env.TEST_DATABASE_ENGINE === "postgres")(
    "claims of different subjects never wait for each other",
    async () => {
      const limits = { perDay: 5, concurrent: 2, staleAfterMs: 60_000 };
      const [busy, other] = [`busy-${Date.now()}`, `other-${Date.now()}`];
      // Another instance holds the busy subject's claim lock (the one the claim takes).
      const pg = await import("pg");
      const holder = new pg.default.Client({ connectionString: process.env.DATABASE_URL });
      await holder.connect();
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [busy]);
      let busySettled = false;
      const busyClaim = db.claimTicket(busy, limits).finally(() => {
        busySettled = true;
      });
      // The other subject's claim completes while the busy subject's claim still waits.
      expect((await db.claimTicket(other, limits)).granted).toBe(true);
      expect(busySettled).toBe(false);
      await holder.query("COMMIT");
      await holder.end();
      expect((await busyClaim).granted).toBe(true);
    },
  );

  it("stops counting a stream as running once it is older than any stream may run", async () => {
    const subject = `stale-${Date.now()}`;
    const limits = { perDay: 100, concurrent: 1, staleAfterMs: 60_000 };
    const longAgo = new Date(Date.now() - 120_000);
    expect((await db.claimTicket(subject, limits, longAgo)).granted).toBe(true);
    // That stream never finished (its instance died); it no longer blocks a new one.
    expect((await db.claimTicket(subject, limits)).granted).toBe(true);
    expect((await db.claimTicket(subject, limits)).granted).toBe(false);
  });
});

async function newUser() {
  const user = await db.createPasswordUser(`quota-${++addressCounter}@example.com`, undefined, "x");
  if (!user) throw new Error("user not created");
  const headers = { cookie: await sessionCookie(user.id), "x-forwarded-for": freshAddress() };
  return { id: user.id, headers };
}

async function signedInUser() {
  return (await newUser()).headers;
}

async function waitFor(check: () => Promise<boolean>, ms = 5000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
