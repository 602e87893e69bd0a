import os from "node:os";
import { type AppServer, cpuMs, type FakeServer, residentBytes, sleep } from "../support/processes";
import type { BenchResult } from "../support/result";
import {
  addedLatencies,
  milestoneFrameTimes,
  percentile,
  timeGeneration,
} from "../support/stream-client";

// 4. Many concurrent streams on one `next start` process.

export async function concurrentStreams(
  app: AppServer,
  fake: FakeServer,
  singleStreamP99: number,
  streams = 1000,
): Promise<BenchResult[]> {
  await fake.reset();
  // A slower token rate than the other measures: 1,000 streams at full speed would
  // measure the fake server, which shares the machine's two cores with the app.
  await fake.setScenario({ chunkSize: 32, delayMs: 25 });
  await sleep(1000);
  const idle = residentBytes(app.pid);
  let peak = idle;
  const started = performance.now();
  const cpuStart = { app: cpuMs(app.pid), fake: cpuMs(fake.pid), client: process.cpuUsage() };
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(app.pid));
  }, 100);
  const generations = await Promise.all(
    Array.from({ length: streams }, (_, i) =>
      timeGeneration(app.url, `Crowd ${i}`, { durationWeeks: 8 }),
    ),
  );
  clearInterval(sampler);
  const wall = performance.now() - started;
  const clientCpu = process.cpuUsage(cpuStart.client);
  const busy = (ms: number) => `${Math.round((100 * ms) / wall)}%`;
  const cpuNote = `CPU over the ${(wall / 1000).toFixed(1)} s run: app ${busy(cpuMs(app.pid) - cpuStart.app)}, fake model ${busy(cpuMs(fake.pid) - cpuStart.fake)}, load client ${busy((clientCpu.user + clientCpu.system) / 1000)} (of one core; the machine has ${os.cpus().length})`;
  const errors = generations.filter((g) => !g.ok).length;
  const requests = await fake.requests();
  const byTopic = new Map(
    requests
      .filter((r) => r.kind === "curriculum")
      .map((r) => [/"topic":"(Crowd \d+)"/.exec(r.userMessage)?.[1], r.milestoneSentAt]),
  );
  const latencies = generations.flatMap((generation, i) =>
    addedLatencies(milestoneFrameTimes(generation).curriculum, byTopic.get(`Crowd ${i}`) ?? []),
  );
  await sleep(5000);
  const after = residentBytes(app.pid);
  const growth = peak - idle;
  const p99 = percentile(latencies, 99);
  return [
    {
      id: "4a",
      measure: `${streams} concurrent streams: added frame latency p99`,
      value: p99,
      unit: "ms",
      baseline: singleStreamP99,
      baselineName: "one stream (3)",
      target: "0 errors, p99 <= 100 ms",
      met: errors === 0 && p99 <= 100,
      note: `${errors} errors of ${streams}; ${latencies.length} milestone frames measured; ${cpuNote}`,
    },
    {
      id: "4b",
      measure: `${streams} concurrent streams: memory growth`,
      value: growth / 2 ** 20,
      unit: "MB",
      baseline: idle / 2 ** 20,
      baselineName: "idle RSS",
      target: "<= 150 MB",
      met: growth <= 150 * 2 ** 20,
      note: `${Math.round(growth / streams / 1024)} KB per stream at the peak; RSS 5 s after: ${(after / 2 ** 20).toFixed(0)} MB`,
    },
  ];
}
