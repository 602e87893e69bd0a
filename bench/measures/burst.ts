import { type AppServer, type FakeServer, nowMs } from "../support/processes";
import type { BenchResult } from "../support/result";
import { median, percentile, timeGeneration } from "../support/stream-client";

// 9. Many streams started at the same moment: how long the last one waits for its first
// frame. The work before a first frame is serialised on the server's one thread (and, on
// the embedded engine, its one database connection), so this shows its cost times 100.
// Each stream is cancelled after its first frame, as in figure 1.

/**
 * The model's pace here, set by this figure (it used to inherit whatever the figure run
 * before it had set, from a flood to none): figure 4's steady 32 characters every 25 ms.
 */
const MODEL_PACE = { chunkSize: 32, delayMs: 25 };

/** `count` POSTs at once (the loopback floor, or the bare Next.js route): their queueing. */
async function floorBurst(floorUrl: string, count: number): Promise<number> {
  const times = await Promise.all(
    Array.from({ length: count }, async () => {
      const started = nowMs();
      await (await fetch(floorUrl, { method: "POST", body: "{}" })).text();
      return nowMs() - started;
    }),
  );
  return Math.max(...times);
}

async function burst(app: AppServer, count: number, distinct: boolean, round: number) {
  const generations = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      timeGeneration(app.url, `Burst ${round} ${i}`, {
        stopAfterFirstFrame: true,
        // TRUST_PROXY=1 (startApp): one address each, or all guests under one key.
        headers: distinct ? { "x-forwarded-for": `203.0.${round}.${i + 1}` } : {},
      }),
    ),
  );
  const times = generations.flatMap((g) => (g.firstFrameAt ? [g.firstFrameAt - g.startedAt] : []));
  return { times, errors: count - times.length };
}

export async function burstToFirstFrame(
  app: AppServer,
  fake: FakeServer,
  floorUrl: string,
  bareNextUrl: string,
  count = 100,
): Promise<BenchResult[]> {
  const bareRoute = `${bareNextUrl}/api/first-frame`;
  await fake.reset();
  await fake.setScenario(MODEL_PACE);
  // The same requests as measured (start, first frame, cancel), so that every route the
  // burst uses is loaded and compiled before it, as on a server in service; then one
  // unmeasured burst: the first after a start was about twice as slow as any later one
  // (each app opens 100 new connections, to the model and to the client, and V8 compiles
  // the paths only concurrency takes), whichever round came first.
  for (let i = 0; i < 10; i++) {
    await timeGeneration(app.url, `Burst warm-up ${i}`, { stopAfterFirstFrame: true });
    await floorBurst(bareRoute, 1);
  }
  await floorBurst(bareRoute, count);
  await burst(app, count, true, 0);
  const results: BenchResult[] = [];
  const rounds = [
    { id: "9a", distinct: false, silent: false },
    { id: "9b", distinct: true, silent: false },
    // Only the work before a first frame: no model output to process meanwhile.
    { id: "9c", distinct: false, silent: true },
  ];
  for (const [round, { id, distinct, silent }] of rounds.entries()) {
    if (silent) await fake.setScenario({ hang: { afterChunks: 0 } });
    const floor = await floorBurst(floorUrl, count);
    const bareNext = await floorBurst(bareRoute, count);
    const { times, errors } = await burst(app, count, distinct, round + 1);
    const slowest = times.length > 0 ? Math.max(...times) : Number.NaN;
    const who = distinct ? `${count} addresses` : "one guest key";
    results.push({
      id,
      measure: `${count} streams started at once, ${who}${silent ? ", model silent" : ""}: slowest first frame`,
      value: slowest,
      unit: "ms",
      baseline: bareNext,
      baselineName: `slowest of ${count} at once to a bare Next.js route answering one frame`,
      target: "<= 250 ms",
      met: errors === 0 && slowest <= 250,
      note: `p50 ${median(times).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, ${errors} errors; ${count} at once to the bare loopback server: slowest ${floor.toFixed(0)} ms`,
    });
  }
  await fake.setScenario(MODEL_PACE);
  return results;
}
