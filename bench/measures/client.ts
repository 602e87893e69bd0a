import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../test/support/chromium";
import type { FakeServer } from "../support/processes";
import type { BenchResult } from "../support/result";

// 6. What the browser pays: first-load JavaScript of the home page against a bare
// Next.js page, and main-thread tasks while a stream updates the progress dialog.

async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

async function firstLoadScriptBytes(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  const sizes = new Map<string, Promise<number>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") {
      sizes.set(
        response.url(),
        response.body().then((body) => gzipSync(body).length),
      );
    }
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const total = (await Promise.all(sizes.values())).reduce((a, b) => a + b, 0);
  await page.close();
  return total;
}

/** A top-level task on a thread, as Chromium's trace names it (older builds: "RunTask"). */
const TASK_EVENTS = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
};
type Trace = { traceEvents: TraceEvent[] };

/** Main-thread tasks (ms), and what the longest one spent most of its time on. */
type Tasks = { durations: number[]; longestWas: string };

async function longestMainThreadTask(
  browser: Browser,
  appUrl: string,
  fake: FakeServer,
): Promise<Tasks> {
  await fake.reset();
  await fake.setScenario({ chunkSize: 4, delayMs: 2 });
  const page = await browser.newPage();
  await page.goto(appUrl);
  await page.getByLabel("What do you want to learn?").fill("Tracing the dialog");
  await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel", "__metadata"] });
  await page.getByTestId("generate-button").click();
  await page.waitForURL("**/result");
  const trace = JSON.parse((await browser.stopTracing()).toString()) as Trace;
  await page.close();
  const mainThreads = new Set(
    trace.traceEvents
      .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => e.ph === "X" && mainThreads.has(`${e.pid}:${e.tid}`);
  const tasks = trace.traceEvents.filter((e) => onMain(e) && TASK_EVENTS.has(e.name));
  const longest = tasks.reduce<TraceEvent | undefined>(
    (most, e) => ((e.dur ?? 0) > (most?.dur ?? -1) ? e : most),
    undefined,
  );
  return {
    durations: tasks.map((e) => (e.dur ?? 0) / 1000),
    longestWas: longest ? insideTask(trace.traceEvents.filter(onMain), longest) : "no task",
  };
}

/** The biggest pieces of work inside a task: what a reader should look at first. */
function insideTask(events: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + (task.dur ?? 0);
  return events
    .filter((e) => e !== task && !TASK_EVENTS.has(e.name) && e.ts >= task.ts && e.ts < end)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 3)
    .map((e) => {
      const where = e.args?.data?.url?.split("/").at(-1) ?? e.args?.data?.functionName ?? "";
      return `${e.name}${where ? ` ${where}` : ""} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`;
    })
    .join(", ");
}

export async function clientCosts(
  appUrl: string,
  fake: FakeServer,
  bareUrl: string,
): Promise<BenchResult[]> {
  const browser = await launch();
  try {
    const home = await firstLoadScriptBytes(browser, `${appUrl}/`);
    const bare = await firstLoadScriptBytes(browser, `${bareUrl}/`);
    const { durations: tasks, longestWas } = await longestMainThreadTask(browser, appUrl, fake);
    const longest = Math.max(...tasks);
    return [
      {
        id: "6a",
        measure: "home page first-load JS (gzip)",
        value: home / 1024,
        unit: "kB",
        baseline: bare / 1024,
        baselineName: "bare Next.js page",
        target: "<= bare + 40 kB",
        met: home <= bare + 40 * 1024,
        note: `${((home - bare) / 1024).toFixed(1)} kB above the bare page`,
      },
      {
        id: "6b",
        measure: "longest main-thread task during a stream",
        value: longest,
        unit: "ms",
        baseline: 50,
        baselineName: "long-task threshold",
        target: "no task > 50 ms",
        met: longest <= 50,
        note: `${tasks.filter((t) => t > 50).length} tasks over 50 ms of ${tasks.length}, from click to the result page; the longest: ${longestWas}`,
      },
    ];
  } finally {
    await browser.close();
  }
}
