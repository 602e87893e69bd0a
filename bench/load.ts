import type { Scenario } from "../test/fake-openai/server";
import { connectInspector } from "./support/inspector";
import {
  type AppServer,
  type FakeServer,
  residentBytes,
  sleep,
  startApp,
  startFake,
  stopAll,
} from "./support/processes";
import { requestBody } from "./support/stream-client";

// The load script (on demand, not part of `npm test`): 200 concurrent streamed
// generations against the production build and the fake OpenAI server, in four rounds:
// a healthy model, a model whose answers break off mid-stream, visitors who leave half
// way, and a model that fails outright. Each stream must end with a done or an error
// frame (or be cancelled by its visitor), no response may be a 5xx, and the server's
// memory must come back near where it started.
//
//   npm run build && npm run load [-- <streams>]

const STREAMS = Number(process.argv[2] ?? 200);
const PORTS = { fake: 4310, app: 3310, inspector: 9339 };

type Outcome = "done" | "cancelled" | `error:${string}` | `http:${number}` | "broken";

/** One streamed generation; `leaveAfterFirstMilestone` aborts it like a closed tab. */
async function generate(
  url: string,
  topic: string,
  leaveAfterFirstMilestone: boolean,
): Promise<Outcome> {
  const controller = new AbortController();
  try {
    const response = await fetch(`${url}/api/generate/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(requestBody(topic, 8)),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) return `http:${response.status}`;
    let outcome: Outcome = "broken";
    const { readGenerationStream } = await import("../lib/sse/read");
    await readGenerationStream(response.body, (event) => {
      if (event.type === "done") outcome = "done";
      if (event.type === "error") outcome = `error:${event.code}`;
      if (leaveAfterFirstMilestone && event.type === "progress" && event.milestone) {
        outcome = "cancelled";
        controller.abort();
      }
    });
    return outcome;
  } catch {
    return controller.signal.aborted ? "cancelled" : "broken";
  }
}

type Round = { name: string; scenario: Scenario; leaving?: (index: number) => boolean };

const ROUNDS: Round[] = [
  { name: "healthy model", scenario: { chunkSize: 32, delayMs: 20 } },
  {
    name: "half the answers break off mid-stream (one stage retry each)",
    scenario: {
      chunkSize: 32,
      delayMs: 20,
      dropAfter: { kind: "curriculum", chunks: 8, times: Math.floor(STREAMS / 2) },
    },
  },
  {
    name: "every other visitor leaves after the first milestone",
    scenario: { chunkSize: 32, delayMs: 20 },
    leaving: (index) => index % 2 === 0,
  },
  {
    name: "the model fails every resources call (HTTP 500)",
    scenario: { chunkSize: 32, delayMs: 20, failWith: { kind: "resources", status: 500 } },
  },
];

async function runRound(app: AppServer, fake: FakeServer, round: Round) {
  await fake.reset();
  await fake.setScenario(round.scenario);
  const started = performance.now();
  let peak = residentBytes(app.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(app.pid));
  }, 100);
  const outcomes = await Promise.all(
    Array.from({ length: STREAMS }, (_, index) =>
      generate(app.url, `Load ${index}`, round.leaving?.(index) ?? false),
    ),
  );
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  // Requests the app abandoned (cancel) must have been closed upstream.
  await sleep(1000);
  const requests = await fake.requests();
  const openUpstream = requests.filter(
    (request) => !request.completed && !request.closedEarly,
  ).length;
  const fiveHundreds = outcomes.filter((outcome) => /^http:5/.test(outcome)).length;
  const broken = counts.get("broken") ?? 0;
  return {
    round: round.name,
    seconds,
    counts,
    peak,
    fiveHundreds,
    broken,
    openUpstream,
    upstreamCalls: requests.length,
  };
}

async function main() {
  console.log(`Load: ${STREAMS} concurrent streamed generations per round\n`);
  const fake = await startFake(PORTS.fake);
  const app = await startApp(PORTS.app, fake.url, {}, [`--inspect=127.0.0.1:${PORTS.inspector}`]);
  const inspector = await connectInspector(PORTS.inspector);
  const memory = async () => {
    const usage = await inspector.memoryAfterGc();
    return `resident ${mb(usage.rss)}, JavaScript heap ${mb(usage.heapUsed)}, outside the heap (buffers, native) ${mb(usage.external)}`;
  };
  // Warm up with one full healthy round (routes compiled, database open, caches and
  // V8's heap grown to working size), then take the baseline.
  await runRound(app, fake, ROUNDS[0] as Round);
  await sleep(10_000);
  console.log(`app memory after a warm-up round (after a full GC): ${await memory()}\n`);

  let failed = false;
  // The rounds twice: memory that keeps climbing from one pass to the next is a leak;
  // memory that settles is the heap the runtime keeps for the next burst.
  for (const pass of [1, 2]) {
    for (const round of ROUNDS) {
      const result = await runRound(app, fake, round);
      const outcomes = [...result.counts].map(([outcome, n]) => `${outcome} ${n}`).join(", ");
      console.log(`## pass ${pass}: ${result.round}`);
      console.log(
        `  ${outcomes}  (${result.seconds.toFixed(1)} s, ${result.upstreamCalls} model calls)`,
      );
      console.log(
        `  HTTP 5xx: ${result.fiveHundreds}; streams ending without done/error: ${result.broken}; model calls left open: ${result.openUpstream}; peak memory ${mb(result.peak)}`,
      );
      if (result.fiveHundreds > 0 || result.broken > 0 || result.openUpstream > 0) failed = true;
    }
    console.log(`\napp memory after pass ${pass} (after a full GC): ${await memory()}\n`);
  }
  await fake.reset();
  const stillServes = await generate(app.url, "After load", false);
  console.log(`a generation after the load: ${stillServes}`);
  if (stillServes !== "done") failed = true;
  inspector.close();
  stopAll();
  if (failed) {
    console.error("\nFAILED: see the lines above.");
    process.exit(1);
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

main().catch((error) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
