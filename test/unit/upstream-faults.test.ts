import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { budgetFor, type GenerationBudget, stageLimits } from "@/lib/generation/budget";
import { generateLearningPath } from "@/lib/generation/pipeline";
import { OpenAiProvider } from "@/lib/providers/openai/openai-provider";
import { retryDelayMs } from "@/lib/providers/openai/retry";
import type { GenerationEvent } from "@/lib/sse/events";
import { fakeMode } from "../fake-openai/modes";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { collectEvents, request, silentLogger } from "../support/collect";
import { stopTheClock } from "../support/fake-clock";

// How the pipeline meets a failing model: retries before the first token (bounded by
// the stage's time budget), one stage retry after a dropped answer, and a clean error
// frame whenever it gives up. The real SDK talks to the fake server over loopback.
// Waits are checked on a fake clock (only setTimeout is faked; sockets stay real) or by
// which timer ended a call, never by measuring elapsed time on a busy machine.

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** What the provider logged during the last generation. */
let logged: { event: string; fields: Record<string, string | number> }[] = [];
/** Told of each line the provider logs (set by `nextProviderLog`). */
let onProviderLog: (() => void) | undefined;
/** Resolves when the provider logs its next line: an event, not a poll (see stopTheClock). */
const nextProviderLog = () =>
  new Promise<void>((resolve) => {
    onProviderLog = resolve;
  });
/** The pipeline's error log lines during the last generation (the failure's detail). */
let failures: Record<string, unknown>[] = [];

const provider = (idleTimeoutMs = 5_000) =>
  new OpenAiProvider({
    apiKey: "test",
    baseURL: fake.url,
    model: "fake-model",
    idleTimeoutMs,
    log: (event, fields) => {
      logged.push({ event, fields });
      onProviderLog?.();
    },
  });

const generate = (budget?: GenerationBudget, idleTimeoutMs?: number) => {
  logged = [];
  failures = [];
  return collectEvents(provider(idleTimeoutMs), request({ durationWeeks: 4 }), undefined, budget, {
    ...silentLogger,
    error: (_event, fields) => failures.push({ ...fields }),
  });
};

const curriculumCalls = () => fake.requests.filter((call) => call.kind === "curriculum");
const last = (events: GenerationEvent[]) => events.at(-1);

describe("before the first token", () => {
  it("retries a server error and succeeds", async () => {
    fake.setScenario({ failWith: { kind: "curriculum", status: 503, times: 2 } });
    const events = await generate();
    expect(last(events)?.type).toBe("done");
    expect(curriculumCalls()).toHaveLength(3);
    // Each retry is in the server log, with its wait.
    expect(logged.map(({ event, fields }) => [event, fields.call, fields.attempt])).toEqual([
      ["model call retried", "curriculum", 1],
      ["model call retried", "curriculum", 2],
    ]);
    expect(logged[1]?.fields.delayMs).toBeGreaterThanOrEqual(750);
  });

  it("gives up after two retries with upstream_unavailable", async () => {
    fake.setScenario({ failWith: { kind: "curriculum", status: 500 } });
    const events = await generate();
    expect(last(events)).toMatchObject({ type: "error", code: "upstream_unavailable" });
    expect(curriculumCalls()).toHaveLength(3);
  });

  it("retries a refused connection", async () => {
    fake.setScenario({ resetConnection: { kind: "curriculum", times: 1 } });
    const events = await generate();
    expect(last(events)?.type).toBe("done");
    expect(curriculumCalls()).toHaveLength(2);
  });

  it("waits as long as Retry-After asks, and the wait is not taken for the model going quiet", async () => {
    // Longer than the test's own timeout: only the fake clock can end this wait in time.
    // The silence limit (5 s) is far shorter than the wait: only the stage's budget applies.
    fake.setScenario({ failWith: { kind: "curriculum", status: 429, times: 1, retryAfter: "30" } });
    stopTheClock();
    const retryPlanned = nextProviderLog();
    const run = generate(undefined, 5_000);
    // The retry is planned with the server's wait (logged just before its sleep begins),
    // with its reason and the token limit of the request it will make.
    await retryPlanned;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      event: "model call retried",
      fields: { delayMs: 30_000, reason: "429 fake 429", maxTokens: expect.any(Number) },
    });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(curriculumCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(last(await run)?.type).toBe("done");
    const [first, second] = curriculumCalls();
    expect(first?.id).toBeLessThan(second?.id ?? 0);
  });

  it("does not wait past the stage's budget: a long Retry-After fails at once as rate_limited", async () => {
    fake.setScenario({ failWith: { kind: "curriculum", status: 429, retryAfter: "120" } });
    // The clock stands still: a generation that waited on any timer would not end.
    stopTheClock();
    const retryPlanned = nextProviderLog();
    const run = generate(budgetFor(60));
    // Whichever comes first: the generation ends, or a retry (and its wait) is planned.
    const events = await Promise.race([run, retryPlanned.then(() => [])]);
    expect(logged).toEqual([]);
    expect(last(events)).toMatchObject({ type: "error", code: "rate_limited" });
    expect(curriculumCalls()).toHaveLength(1);
  });

  it("does not retry what cannot succeed: a bad key, an exhausted account", async () => {
    fake.setScenario({ failWith: { kind: "curriculum", status: 401 } });
    expect(last(await generate())).toMatchObject({ code: "upstream_auth" });
    expect(curriculumCalls()).toHaveLength(1);
    fake.reset();
    fake.setScenario({ failWith: { kind: "curriculum", status: 429, code: "insufficient_quota" } });
    expect(last(await generate())).toMatchObject({ code: "rate_limited" });
    expect(curriculumCalls()).toHaveLength(1);
  });
});

describe("a server that queues requests (one slot, busy with someone else)", () => {
  it("does not fail a request that waits longer than the silence limit for its answer to start", async () => {
    // Each answer starts 1.5 s late; the model may be silent for 0.3 s once it talks.
    fake.setScenario(fakeMode("queued").scenario);
    const events = await generate(undefined, 300);
    expect(last(events)?.type).toBe("done");
  });

  it("counts the wait against the stage's budget", async () => {
    fake.setScenario({ queuedMs: 5_000 });
    // Curriculum may use half of 2 s: the wait outlasts it.
    const events = await generate({ startedAt: Date.now(), totalMs: 2_000 }, 300);
    expect(last(events)).toMatchObject({ type: "error", code: "timeout", stage: "curriculum" });
    expect(failures).toEqual([
      expect.objectContaining({ detail: "curriculum: stage budget used up" }),
    ]);
    await expect.poll(() => curriculumCalls()[0]?.closedEarly).toBe(true);
  });
});

describe("the stage's time budget", () => {
  it("ends a model that keeps talking too slowly with a timeout frame, and closes the call", async () => {
    // Never silent for long (so the idle timeout does not fire), but far too slow.
    fake.setScenario({ delayMs: 100, chunkSize: 4 });
    const budget: GenerationBudget = { startedAt: Date.now(), totalMs: 1_500 };
    const events = await generate(budget);
    expect(last(events)).toMatchObject({ type: "error", code: "timeout", stage: "curriculum" });
    // The stage's deadline ended it, not the idle timer, and before the answer was over.
    expect(failures).toEqual([
      expect.objectContaining({ code: "timeout", detail: "curriculum: stage budget used up" }),
    ]);
    expect(curriculumCalls()[0]?.completed).toBe(false);
    await expect.poll(() => curriculumCalls()[0]?.closedEarly).toBe(true);
  });

  it("gives each model stage its share of the budget, never past the budget's end", () => {
    const signal = new AbortController().signal;
    const budget: GenerationBudget = { startedAt: 0, totalMs: 1_500 };
    expect(stageLimits(budget, "curriculum", signal, 0).deadline).toBe(750);
    expect(stageLimits(budget, "insights", signal, 0).deadline).toBe(450);
    expect(stageLimits(budget, "resources", signal, 1_000).deadline).toBe(1_500);
  });

  it("is derived from maxDuration, with time kept back to save and report", () => {
    const budget = budgetFor(300, 0);
    expect(budget.totalMs).toBe(285_000);
    expect(budgetFor(10, 0).totalMs).toBe(9_000);
  });
});

// The fake pauses between chunks, so the first tokens have reached the client before
// the drop (a drop before them counts as a failure before the first token).
describe("a connection dropped mid-answer", () => {
  it("retries the stage once and reports each milestone once", async () => {
    fake.setScenario({
      dropAfter: { kind: "curriculum", chunks: 30, times: 1 },
      chunkSize: 8,
      delayMs: 5,
    });
    const events = await generate();
    expect(last(events)?.type).toBe("done");
    expect(curriculumCalls()).toHaveLength(2);
    const titles = events.flatMap((event) =>
      event.type === "progress" && event.milestone ? [event.milestone.index] : [],
    );
    expect(titles).toEqual([...new Set(titles)]);
    expect(titles.length).toBeGreaterThan(0);
    expect(logged).toContainEqual(
      expect.objectContaining({
        event: "stage retried",
        fields: expect.objectContaining({ call: "curriculum" }),
      }),
    );
  });

  it("gives an error frame when the retry breaks off too", async () => {
    fake.setScenario({ dropAfter: { kind: "resources", chunks: 5 }, delayMs: 10 });
    const events = await generate();
    expect(last(events)).toMatchObject({
      type: "error",
      code: "upstream_unavailable",
      stage: "resources",
    });
    expect(fake.requests.filter((call) => call.kind === "resources")).toHaveLength(2);
  });

  it("is not retried when the stage's budget has too little left", async () => {
    fake.setScenario({ dropAfter: { kind: "curriculum", chunks: 5 }, delayMs: 10 });
    // Curriculum may use half: 4 s, less than a stage retry needs.
    const events = await generate({ startedAt: Date.now(), totalMs: 8_000 });
    expect(last(events)).toMatchObject({ type: "error", code: "upstream_unavailable" });
    expect(curriculumCalls()).toHaveLength(1);
  });
});

describe("cancel", () => {
  it("leaves no timers behind once the reader stops and the signal aborts", async () => {
    fake.setScenario({ delayMs: 20, chunkSize: 8 });
    const timers = () =>
      process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
    const before = timers();
    const controller = new AbortController();
    const events = generateLearningPath({
      request: request({ durationWeeks: 4 }),
      provider: provider(),
      signal: controller.signal,
      logger: silentLogger,
      finalize: async () => "/result",
    });
    // Read until the first milestone, then stop, as a cancelled stream does.
    for await (const event of events) {
      if (event.type === "progress" && event.milestone) break;
    }
    controller.abort();
    // The idle (5 s) and stage (minutes) timers of the model call are gone at once.
    await expect.poll(timers, { timeout: 1_000 }).toBeLessThanOrEqual(before);
    await expect.poll(() => curriculumCalls()[0]?.closedEarly).toBe(true);
  });
});

describe("retry policy", () => {
  const apiError = (status: number, headers: Record<string, string> = {}, code?: string) =>
    OpenAI.APIError.generate(status, { error: { code, message: "x" } }, "x", new Headers(headers));

  it("backs off exponentially with jitter, capped", () => {
    expect(retryDelayMs(apiError(500), 0, () => 0)).toBe(500);
    expect(retryDelayMs(apiError(500), 1, () => 0)).toBe(1_000);
    expect(retryDelayMs(apiError(500), 1, () => 1)).toBe(750);
    expect(retryDelayMs(apiError(500), 10, () => 0)).toBe(8_000);
  });

  it("honours Retry-After in seconds, as a date, and retry-after-ms", () => {
    expect(retryDelayMs(apiError(429, { "retry-after": "3" }), 0)).toBe(3_000);
    expect(retryDelayMs(apiError(429, { "retry-after-ms": "250" }), 0)).toBe(250);
    // A clock that does not move between writing the date and reading it back.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 10, 29, 12, 0, 0) });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(retryDelayMs(apiError(503, { "retry-after": inTenSeconds }), 0)).toBe(10_000);
  });

  it("does not retry client errors", () => {
    expect(retryDelayMs(apiError(400), 0)).toBeNull();
    expect(retryDelayMs(apiError(401), 0)).toBeNull();
    expect(retryDelayMs(apiError(429, {}, "insufficient_quota"), 0)).toBeNull();
  });
});
