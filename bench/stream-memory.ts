import { writeFileSync } from "node:fs";
import { connectInspector } from "./support/inspector";
import {
  type AppServer,
  cpuMs,
  type FakeServer,
  residentBytes,
  sleep,
  startApp,
  startFake,
  stopAll,
} from "./support/processes";
import { timeGeneration } from "./support/stream-client";

// What one open stream holds, and what one generation costs (on demand, not part of
// `npm test` or `npm run bench`): N streamed generations held open together against the
// production build, the server's live JavaScript heap read through the inspector after a
// full garbage collection while they are all open (so garbage does not count, only what
// the streams keep), then again after they all finished (it must come back to the
// baseline: a finished stream keeps nothing). Then sequential generations for the CPU
// each one costs, from /proc. Optionally writes heap snapshots for a closer look.
//
//   npm run build && NODE_OPTIONS=--experimental-websocket npx tsx bench/stream-memory.ts [streams] [--snapshots DIR]

const STREAMS = Number(process.argv[2] ?? 200);
const snapshotDir = process.argv.includes("--snapshots")
  ? process.argv[process.argv.indexOf("--snapshots") + 1]
  : undefined;
/** Only the CPU per generation, with no inspector attached (it may cost CPU itself). */
const cpuOnly = process.argv.includes("--cpu-only");
const port = Number(process.env.PROBE_PORT ?? 4400);
const PORTS = { fake: port + 10, app: port, inspector: port + 5049 };
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);

async function main() {
  const fake = await startFake(PORTS.fake);
  const app = await startApp(
    PORTS.app,
    fake.url,
    { TRUST_PROXY: "1" },
    cpuOnly
      ? process.env.CPU_PROF_DIR
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CPU_PROF_DIR}`]
        : []
      : [`--inspect=127.0.0.1:${PORTS.inspector}`],
  );
  const crowd = (n: number, label: string) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        timeGeneration(app.url, `${label} ${i}`, { durationWeeks: 8 }),
      ),
    );

  // Warm-up: routes compiled, database open, caches filled.
  await fake.setScenario({ chunkSize: 32, delayMs: 5 });
  await crowd(20, "Warm");
  if (cpuOnly) {
    console.log(JSON.stringify(await cpuPerGeneration(app, fake)));
    stopAll();
    await sleep(5000); // the profile is written as the server exits
    return;
  }
  const inspector = await connectInspector(PORTS.inspector);
  await sleep(2000);
  const base = await inspector.memoryAfterGc();
  if (snapshotDir) await inspector.heapSnapshot(`${snapshotDir}/0-baseline.heapsnapshot`);

  // Open streams: a slow model (32 characters every 150 ms) keeps all N mid-stream, each
  // with its model connection open, for long enough to look at them.
  await fake.reset();
  await fake.setScenario({ chunkSize: 32, delayMs: 150 });
  let cpuAt = cpuMs(app.pid);
  const open = crowd(STREAMS, "Open");
  await waitForOpenRequests(fake, STREAMS);
  await sleep(2000);
  const during = await inspector.memoryAfterGc();
  const rssDuring = residentBytes(app.pid);
  if (snapshotDir) await inspector.heapSnapshot(`${snapshotDir}/1-open.heapsnapshot`);
  const openErrors = (await open).filter((g) => !g.ok).length;
  const cpuPerOpenStream = (cpuMs(app.pid) - cpuAt) / STREAMS;
  await fake.setScenario({ chunkSize: 32, delayMs: 5 });
  await sleep(3000);
  const afterOpen = await inspector.memoryAfterGc();

  // Finished streams: N full generations, then nothing may be left.
  cpuAt = cpuMs(app.pid);
  const doneErrors = (await crowd(STREAMS, "Done")).filter((g) => !g.ok).length;
  const cpuPerConcurrentGeneration = (cpuMs(app.pid) - cpuAt) / STREAMS;
  await sleep(3000);
  const after = await inspector.memoryAfterGc();
  if (snapshotDir) await inspector.heapSnapshot(`${snapshotDir}/2-after.heapsnapshot`);

  const cpu = await cpuPerGeneration(app, fake);
  const report = {
    streams: STREAMS,
    baseline: base,
    openStreams: during,
    heapPerOpenStreamKB: Number(kb((during.heapUsed - base.heapUsed) / STREAMS)),
    externalPerOpenStreamKB: Number(kb((during.external - base.external) / STREAMS)),
    rssDuringMB: Number(mb(rssDuring)),
    openErrors,
    cpuPerOpenStreamMs: cpuPerOpenStream,
    doneErrors,
    cpuPerConcurrentGenerationMs: cpuPerConcurrentGeneration,
    afterOpenStreamsEnded: afterOpen,
    afterFinished: after,
    heapLeftAfterFinishedMB: Number(mb(after.heapUsed - base.heapUsed)),
    ...cpu,
  };
  console.log(JSON.stringify(report, null, 2));
  if (process.env.REPORT_FILE) writeFileSync(process.env.REPORT_FILE, JSON.stringify(report));
  inspector.close();
  stopAll();
}

/** CPU per generation, sequential: one chunk per model call (the fixed part), then 32-character chunks. */
async function cpuPerGeneration(app: AppServer, fake: FakeServer) {
  const n = Number(process.env.CPU_GENERATIONS ?? 40);
  const cpu = async (chunkSize: number) => {
    await fake.reset();
    await fake.setScenario({ chunkSize, delayMs: 0 });
    for (let i = 0; i < 3; i++)
      await timeGeneration(app.url, `CPU warm ${i}`, { durationWeeks: 8 });
    const start = cpuMs(app.pid);
    for (let i = 0; i < n; i++) await timeGeneration(app.url, `CPU ${i}`, { durationWeeks: 8 });
    return (cpuMs(app.pid) - start) / n;
  };
  return {
    cpuPerGenerationOneChunkMs: await cpu(100_000),
    cpuPerGeneration32CharChunksMs: await cpu(32),
  };
}

async function waitForOpenRequests(fake: Awaited<ReturnType<typeof startFake>>, n: number) {
  for (;;) {
    const requests = await fake.requests();
    if (requests.filter((r) => r.kind === "curriculum").length >= n) return;
    await sleep(500);
  }
}

main().catch((error) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
