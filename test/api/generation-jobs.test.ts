import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";
import { readFrames } from "../support/sse-frames";

// A generation is a job: it outlives the connection that started it, can be resumed
// from any frame by its starter (and nobody else), and stops only on Cancel.

type Context = { params: Promise<{ id: string }> };
type Route<C = Context> = (request: Request, context: C) => Promise<Response>;

let fake: FakeOpenAi;
let startRoute: (request: Request) => Promise<Response>;
let resumeRoute: Route;
let cancelRoute: Route;
let db: typeof import("@/lib/db");

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = fake.url;
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  ({ POST: startRoute } = await import("@/app/api/generate/stream/route"));
  ({ GET: resumeRoute } = await import("@/app/api/generations/[id]/stream/route"));
  ({ POST: cancelRoute } = await import("@/app/api/generations/[id]/cancel/route"));
  db = await import("@/lib/db");
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

let addresses = 0;
const guest = () => ({ "x-forwarded-for": `198.51.100.${++addresses}` });

function start(headers: Record<string, string>, signal?: AbortSignal) {
  return startRoute(
    new Request("http://localhost/api/generate/stream", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({
        topic: "Rust",
        level: "beginner",
        learningStyle: "visual",
        durationWeeks: 6,
        hoursPerWeek: 5,
      }),
      signal,
    }),
  );
}

const context = (id: string): Context => ({ params: Promise.resolve({ id }) });

function resume(id: string, headers: Record<string, string>, query = "") {
  return resumeRoute(
    new Request(`http://localhost/api/generations/${id}/stream${query}`, { headers }),
    context(id),
  );
}

function cancel(id: string, headers: Record<string, string>) {
  return cancelRoute(
    new Request(`http://localhost/api/generations/${id}/cancel`, { method: "POST", headers }),
    context(id),
  );
}

async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const runningTickets = async () => {
  const { getDb } = await import("@/lib/db/client");
  return getDb().generationTicket.count({ where: { finishedAt: null } });
};

describe("generation jobs", () => {
  it("answers with the job's id, and gives a guest a resume token in the first frame only", async () => {
    const response = await start(guest());
    const id = response.headers.get("x-generation-id");
    expect(id).toBeTruthy();
    const frames = await readFrames(response);
    expect(frames[0]?.data).toMatchObject({ generationId: id, resumeToken: expect.any(String) });
    expect(frames.slice(1).some((frame) => "resumeToken" in frame.data)).toBe(false);
    expect(frames.at(-1)?.event).toBe("done");
    // The resources stage shows each milestone's resources as they arrive.
    const resources = frames.flatMap((frame) =>
      frame.data.resources ? [frame.data.resources] : [],
    );
    expect(resources).toEqual(
      [0, 1, 2].map((index) => ({ index, titles: expect.arrayContaining([expect.any(String)]) })),
    );
  });

  it("keeps running after a disconnect; a resume replays exactly the missed frames, then follows to done", async () => {
    fake.setScenario({ delayMs: 15, chunkSize: 8 });
    const connection = new AbortController();
    const response = await start(guest(), connection.signal);
    const id = response.headers.get("x-generation-id") ?? "";
    const seen = await readFrames(response, (frame) => frame.id >= 3);
    connection.abort();
    const token = String(seen[0]?.data.resumeToken);
    const rest = await readFrames(
      await resume(id, { "last-event-id": "3", "x-resume-token": token }),
    );
    const ids = [...seen, ...rest].map((frame) => frame.id);
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    expect(rest[0]?.id).toBe(4);
    expect(rest.at(-1)?.event).toBe("done");
    expect(fake.requests.every((request) => request.completed)).toBe(true);
  });

  it("replays a finished job to its last frame, with the same ids (query parameters for fetch clients)", async () => {
    const response = await start(guest());
    const id = response.headers.get("x-generation-id") ?? "";
    const all = await readFrames(response);
    const token = String(all[0]?.data.resumeToken);
    const replay = await readFrames(await resume(id, {}, `?lastEventId=2&resumeToken=${token}`));
    expect(replay.map((frame) => frame.id)).toEqual(all.slice(2).map((frame) => frame.id));
    expect(replay.at(-1)?.event).toBe("done");
  });

  it("lets a signed-in starter resume by session, and nobody else", async () => {
    const user = await db.createPasswordUser(`jobs-${Date.now()}@example.com`, undefined, "x");
    const other = await db.createPasswordUser(
      `jobs-other-${Date.now()}@example.com`,
      undefined,
      "x",
    );
    if (!user || !other) throw new Error("users not created");
    const mine = { cookie: await sessionCookie(user.id), ...guest() };
    const response = await start(mine);
    const id = response.headers.get("x-generation-id") ?? "";
    const frames = await readFrames(response);
    expect(frames[0]?.data.resumeToken).toBeUndefined();
    expect((await resume(id, mine)).status).toBe(200);
    const stranger = { cookie: await sessionCookie(other.id) };
    for (const answer of [
      await resume(id, stranger),
      await resume(id, {}),
      await cancel(id, stranger),
      await resume("no-such-job", mine),
    ]) {
      expect(answer.status).toBe(404);
    }
  });

  it("refuses a guest's resume and cancel without the right token, like an unknown id", async () => {
    const response = await start(guest());
    const id = response.headers.get("x-generation-id") ?? "";
    await readFrames(response);
    expect((await resume(id, {})).status).toBe(404);
    expect((await resume(id, { "x-resume-token": "guessed" })).status).toBe(404);
    expect((await cancel(id, { "x-resume-token": "guessed" })).status).toBe(404);
  });

  it("refuses a stranger's resume and cancel of a job still running, which goes on", async () => {
    // A running job is checked against what this process holds, not the database.
    fake.setScenario({ hang: { afterChunks: 1 } });
    const user = await db.createPasswordUser(`jobs-live-${Date.now()}@example.com`, undefined, "x");
    if (!user) throw new Error("user not created");
    const response = await start(guest());
    const id = response.headers.get("x-generation-id") ?? "";
    const first = await readFrames(response, () => true);
    const token = String(first[0]?.data.resumeToken);
    await waitFor(() => fake.requests.length > 0);
    const strangers: Record<string, string>[] = [
      {},
      { "x-resume-token": "guessed" },
      { "x-resume-token": `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` },
      { cookie: await sessionCookie(user.id) },
    ];
    for (const stranger of strangers) {
      expect((await resume(id, stranger)).status).toBe(404);
      expect((await cancel(id, stranger)).status).toBe(404);
    }
    expect(fake.requests[0]?.closedEarly).toBe(false);
    expect((await db.findJob(id))?.status).toBe("running");
    expect((await cancel(id, { "x-resume-token": token })).status).toBe(204);
    await waitFor(async () => (await db.findJob(id))?.status === "cancelled");
  });

  it("Cancel stops the model call at once, saves nothing, and does not count before the first milestone", async () => {
    fake.setScenario({ hang: { afterChunks: 1 } });
    const address = guest();
    const response = await start(address);
    const id = response.headers.get("x-generation-id") ?? "";
    const first = await readFrames(response, () => true);
    const token = String(first[0]?.data.resumeToken);
    await waitFor(() => fake.requests.length > 0);
    expect((await cancel(id, { "x-resume-token": token })).status).toBe(204);
    expect((await cancel(id, { "x-resume-token": token })).status).toBe(204);
    await waitFor(() => fake.requests[0]?.closedEarly === true);
    await waitFor(async () => (await db.findJob(id))?.status === "cancelled");
    const { getDb } = await import("@/lib/db/client");
    expect(
      await getDb().generationTicket.count({ where: { id: (await db.findJob(id))?.ticketId } }),
    ).toBe(0);
    const replay = await readFrames(await resume(id, { "x-resume-token": token }));
    expect(replay.at(-1)).toMatchObject({ event: "error", data: { code: "cancelled" } });
  });

  it("frees the slot whenever the reader vanishes during set-up", async () => {
    const before = await runningTickets();
    const gone = new AbortController();
    gone.abort();
    const unread = await start(guest());
    await unread.body?.cancel();
    const aborted = await start(guest(), gone.signal);
    await aborted.body?.cancel().catch(() => {});
    await waitFor(async () => (await runningTickets()) <= before);
  });

  /** A job whose process died after storing one progress frame: its lease has run out. */
  async function crashedJob(token: string) {
    const { getDb } = await import("@/lib/db/client");
    const ticket = await getDb().generationTicket.create({ data: { subject: "crashed" } });
    const id = `crashed-${Date.now()}-${Math.random()}`;
    const { createHash } = await import("node:crypto");
    await getDb().generationJob.create({
      data: {
        id,
        ticketId: ticket.id,
        resumeTokenHash: createHash("sha256").update(token).digest("hex"),
        leaseUntil: new Date(Date.now() - 1000),
      },
    });
    await db.appendFrames(id, [
      { seq: 1, event: "progress", data: JSON.stringify({ stage: "curriculum", progress: 20 }) },
    ]);
    return { id, ticketId: ticket.id };
  }

  it("marks a job whose process died as interrupted, frees its slot, and tells a resuming reader", async () => {
    const { getDb } = await import("@/lib/db/client");
    const { id, ticketId } = await crashedJob("crashed-token");
    const frames = await readFrames(await resume(id, { "x-resume-token": "crashed-token" }));
    expect(frames.at(-1)).toMatchObject({
      id: 2,
      event: "error",
      data: { code: "interrupted", stage: "curriculum", progress: 20 },
    });
    expect((await db.findJob(id))?.status).toBe("interrupted");
    expect(await getDb().generationTicket.count({ where: { id: ticketId } })).toBe(0);
  });

  it("tells a reader that saw frames the crash kept from the database how the job ended", async () => {
    // The reader saw frames 1-3 live; only frame 1 reached the database before the crash,
    // so the sweep's interrupted frame takes id 2, which the reader has already passed.
    const { id } = await crashedJob("crashed-too");
    const frames = await readFrames(
      await resume(id, { "x-resume-token": "crashed-too", "last-event-id": "3" }),
    );
    expect(frames).toEqual([
      expect.objectContaining({
        id: 4,
        event: "error",
        data: expect.objectContaining({ code: "interrupted" }),
      }),
    ]);
  });

  it("sends a finished job's end again to a reader that asks from its last frame", async () => {
    const response = await start(guest());
    const id = response.headers.get("x-generation-id") ?? "";
    const frames = await readFrames(response);
    const token = String(frames[0]?.data.resumeToken);
    const last = frames.at(-1);
    await waitFor(async () => (await db.findJob(id))?.status !== "running");
    const again = await readFrames(
      await resume(id, { "x-resume-token": token, "last-event-id": String(last?.id) }),
    );
    expect(again).toEqual([{ ...last, id: Number(last?.id) + 1 }]);
  });
});

describe("GET /api/quota", () => {
  it("says how many generations are left, and a refunded failure gives its one back", async () => {
    const { GET } = await import("@/app/api/quota/route");
    const address = guest();
    const left = async () =>
      (await (
        await GET(new Request("http://localhost/api/quota", { headers: address }))
      ).json()) as {
        remaining: number;
      };
    const before = (await left()).remaining;
    await readFrames(await start(address));
    expect((await left()).remaining).toBe(before - 1);
    fake.setScenario({ failWith: { status: 500 } });
    await readFrames(await start(address));
    await waitFor(async () => (await left()).remaining === before - 1);
  });
});

describe("a guest's job nobody reads", () => {
  it("is stopped after 30 s without a reader, closing the model call", async () => {
    const { vi } = await import("vitest");
    // Only the lease timer and the clock are faked: sockets and the database run for real.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    try {
      fake.setScenario({ hang: { afterChunks: 1 } });
      const response = await start(guest());
      const id = response.headers.get("x-generation-id") ?? "";
      await readFrames(response, () => true);
      await waitForReal(() => fake.requests.length > 0);
      await vi.advanceTimersByTimeAsync(25_000);
      expect(fake.requests[0]?.closedEarly).toBe(false);
      await vi.advanceTimersByTimeAsync(15_000);
      await waitForReal(() => fake.requests[0]?.closedEarly === true);
      await waitForReal(async () => (await db.findJob(id))?.status === "cancelled");
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Like waitFor, but paced by real timers (the clock may be faked). */
async function waitForReal(check: () => boolean | Promise<boolean>, tries = 500) {
  for (let left = tries; !(await check()); left--) {
    if (left === 0) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
