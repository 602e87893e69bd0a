import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../support/processes";
import { RELAY_FRAMES as FRAMES } from "../support/relay-frames";
import type { BenchResult } from "../support/result";

// 3c. What a generation job adds to each frame (issue 10's budget: figure 3 may grow by
// at most 5%), in process, without the noise of sockets and other processes: the frames
// through a job to its reader against the same frames straight into the SSE response.

type BenchOutput = {
  files: { groups: { benchmarks: { name: string; mean: number; sampleCount: number }[] }[] }[];
};

export function jobRelayCost(figure3p50Ms: number): BenchResult {
  const output = path.join(mkdtempSync(path.join(tmpdir(), "bench-relay-")), "relay.json");
  execFileSync(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "bench",
      "--run",
      "--project",
      "pglite",
      "bench/job-relay.bench.ts",
      "--outputJson",
      output,
    ],
    { cwd: ROOT, stdio: "ignore" },
  );
  const { files } = JSON.parse(readFileSync(output, "utf8")) as BenchOutput;
  const runs = files.flatMap((file) => file.groups.flatMap((group) => group.benchmarks));
  const perFrameUs = (name: string) => {
    const run = runs.find((one) => one.name.startsWith(name));
    if (!run) throw new Error(`no result for "${name}"`);
    return (run.mean * 1000) / FRAMES;
  };
  const direct = perFrameUs("straight");
  const added = perFrameUs("through") - direct;
  const share = (added / 1000 / figure3p50Ms) * 100;
  return {
    id: "3c",
    measure: "what a job adds to each frame, in process",
    value: added,
    unit: "µs",
    baseline: direct,
    baselineName: "the same frames straight into the SSE response",
    target: "<= 5% of 3a's p50",
    met: Number.isFinite(figure3p50Ms) ? share <= 5 : undefined,
    note: `${share.toFixed(2)}% of figure 3a's p50 (${figure3p50Ms.toFixed(2)} ms); means over ${FRAMES}-frame generations, start and end included`,
  };
}
