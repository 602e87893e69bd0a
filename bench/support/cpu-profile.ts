import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// `BENCH_CPU_PROFILE_DIR=<dir> npm run bench -- 9`: the app server runs with
// bench/support/cpu-profiler.cjs preloaded, and each figure's work is profiled on its
// own (figure-<id>.cpuprofile, readable in Chrome's DevTools) and summed up here by
// where the code lives, so docs/PERFORMANCE.md's "where the time goes" can be redone.

export const PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;

/** Node flags that load the profiler into the app server, when profiling is asked for. */
export const profilerFlags = (): string[] =>
  PROFILE_DIR ? ["--require", path.join(import.meta.dirname, "cpu-profiler.cjs")] : [];

/** Runs `measure` with the app server's thread profiled, if profiling is asked for. */
export async function profiled<T>(
  app: { pid: number },
  figure: string,
  measure: () => Promise<T>,
): Promise<T> {
  if (!PROFILE_DIR) return measure();
  const marker = path.join(PROFILE_DIR, "profiling");
  rmSync(marker, { force: true });
  process.kill(app.pid, "SIGUSR2");
  await until(() => existsSync(marker));
  try {
    return await measure();
  } finally {
    // Stopped whatever happened, so the next figure's SIGUSR2 starts a profile.
    await saveProfile(app, figure);
  }
}

async function saveProfile(app: { pid: number }, figure: string) {
  if (!PROFILE_DIR) return;
  rmSync(path.join(PROFILE_DIR, "profiling"), { force: true });
  profilesWritten += 1;
  const written = path.join(PROFILE_DIR, `${profilesWritten}.cpuprofile`);
  process.kill(app.pid, "SIGUSR2");
  await until(() => existsSync(written));
  const file = path.join(PROFILE_DIR, `figure-${figure}.cpuprofile`);
  renameSync(written, file);
  console.log(`profile of figure ${figure}: ${file}\n${summarize(file)}`);
}

let profilesWritten = 0;

async function until(done: () => boolean) {
  const limit = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > limit) throw new Error("the app server's profiler did not answer");
    await sleep(20);
  }
}

type ProfileNode = { id: number; callFrame: { url: string; functionName: string } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * The server thread's busy time by where the code lives (idle left out), largest first.
 * The embedded database's own thread (lib/db/embedded-database.ts) is not in it.
 */
export function summarize(file: string): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const placeOf = new Map(profile.nodes.map((node) => [node.id, placeOfCode(node.callFrame)]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const place = placeOf.get(id) ?? "unknown";
    totals.set(place, (totals.get(place) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  totals.delete("idle");
  const busy = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  return [
    `  busy ${busy.toFixed(0)} ms of the server's thread`,
    ...rows.map(
      ([place, ms]) =>
        `  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${place}`,
    ),
  ].join("\n");
}

function placeOfCode({ url, functionName }: ProfileNode["callFrame"]): string {
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8 and native code (program)";
  if (!url) return "native functions (no script)";
  if (url.startsWith("node:")) return "Node's own JavaScript (node:*)";
  if (url.startsWith("wasm://")) return "WebAssembly";
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1] === "next" ? "next (framework)" : (inPackage[1] ?? url);
  if (url.includes("/.next/server/")) return "the app's bundle (.next/server)";
  return url;
}
