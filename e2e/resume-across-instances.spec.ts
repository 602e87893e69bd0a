import { type ChildProcess, spawn } from "node:child_process";
import { readFrames } from "../test/support/sse-frames";
import { fakeOpenAi } from "./support/fake-openai";
import { sharedDatabaseServerEnv, sharedDatabaseUrl } from "./support/shared-database";
import { expect, test } from "./support/test";

// Two production servers share one PostgreSQL database (playwright.config.ts): a job
// started on the first keeps running there while its reader comes back through the
// second, which replays and follows it from the database. A third, started and killed
// here, shows what happens to a job whose process dies.

const FIRST = "http://127.0.0.1:3105";
const SECOND = "http://127.0.0.1:3106";
const DOOMED_PORT = 3107;

// Skipped only on a laptop without PostgreSQL (the two servers need a shared one); CI
// starts one (.ci/run), and there the test always runs.
test.skip(
  !process.env.TEST_DATABASE_URL && !process.env.CI,
  "needs PostgreSQL (CI starts one): export TEST_DATABASE_URL=$(bash scripts/start-test-postgres.sh)",
);

const RUST_REQUEST = JSON.stringify({
  topic: "Rust",
  level: "beginner",
  learningStyle: "visual",
  durationWeeks: 6,
  hoursPerWeek: 5,
});

/** Starts `npm start`'s server in its own process group, so it can be killed whole. */
async function startDoomedServer(): Promise<ChildProcess> {
  const env = sharedDatabaseServerEnv(DOOMED_PORT, sharedDatabaseUrl() ?? "");
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: "ignore",
  });
  await expect(async () => {
    const page = await fetch(`http://127.0.0.1:${DOOMED_PORT}/result`);
    expect(page.ok).toBe(true);
  }).toPass({ timeout: 120_000 });
  return server;
}

/**
 * A guest's Rust generation started on `origin`, read up to its second frame: its id,
 * those frames, and the resume token the first one carries.
 */
async function startRustJob(origin: string) {
  const started = await fetch(`${origin}/api/generate/stream`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: RUST_REQUEST,
  });
  expect(started.status).toBe(200);
  const id = started.headers.get("x-generation-id") ?? "";
  const seen = await readFrames(started, (_, frames) => frames.length >= 2);
  return { id, seen, token: String(seen[0]?.data.resumeToken) };
}

async function guestGenerationsLeft(): Promise<number> {
  const quota = await (await fetch(`${SECOND}/api/quota`)).json();
  return quota.remaining;
}

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

test("a job started on one instance is resumed through another that shares the database", async () => {
  await fakeOpenAi.setScenario({ delayMs: 30, chunkSize: 8 });
  const { id, seen, token } = await startRustJob(FIRST);

  const resumed = await fetch(`${SECOND}/api/generations/${id}/stream`, {
    headers: { "last-event-id": "2", "x-resume-token": token },
  });
  expect(resumed.status).toBe(200);
  const rest = await readFrames(resumed);
  const ids = [...seen, ...rest].map((frame) => frame.id);
  expect(ids).toEqual(ids.map((_, index) => index + 1));
  expect(rest.at(-1)?.event).toBe("done");

  // Nobody else can follow it through either instance.
  const stranger = await fetch(`${SECOND}/api/generations/${id}/stream`, {
    headers: { "x-resume-token": "guessed" },
  });
  expect(stranger.status).toBe(404);
});

test("a job whose process is killed ends as interrupted, and its ticket is given back", async () => {
  // Starting a third server and waiting out the dead job's 15 s lease takes a while.
  test.setTimeout(240_000);
  const server = await startDoomedServer();
  const before = await guestGenerationsLeft();
  try {
    // Slow enough that the job is mid-way when its process dies.
    await fakeOpenAi.setScenario({ delayMs: 200, chunkSize: 8 });
    const { id, token } = await startRustJob(`http://127.0.0.1:${DOOMED_PORT}`);
    expect(await guestGenerationsLeft()).toBe(before - 1);

    // No shutdown, no finally: the whole process group dies at once, as in a crash.
    process.kill(-(server.pid ?? 0), "SIGKILL");

    const resumed = await fetch(`${SECOND}/api/generations/${id}/stream`, {
      headers: { "last-event-id": "2", "x-resume-token": token },
    });
    expect(resumed.status).toBe(200);
    const last = (await readFrames(resumed)).at(-1);
    expect(last?.event).toBe("error");
    expect(last?.data.code).toBe("interrupted");
    expect(await guestGenerationsLeft()).toBe(before);
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      process.kill(-(server.pid ?? 0), "SIGKILL");
    }
  }
});
