import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../support/processes";
import type { BenchResult } from "../support/result";
import { median, percentile } from "../support/stream-client";

// 10. A claim's cost against the day's volume: the app's claimTicket with 10 and with
// 100,000 tickets of the last 24 hours in the table (lib/db/generation-tickets.ts).

type Run = { tickets: number; guests: number[]; oneKey: number[] };

/** One fresh database (DATABASE_URL's server if set, else a new embedded folder) per run. */
function claimRun(tickets: number, claims: number): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!process.env.DATABASE_URL) {
    env.PGLITE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "bench-claims-"));
    execFileSync(process.execPath, ["scripts/migrate.mjs"], { cwd: ROOT, env, stdio: "ignore" });
  }
  const output = execFileSync(
    process.execPath,
    [
      "--conditions",
      "react-server",
      "--import",
      "tsx",
      "bench/support/claim-cost-worker.ts",
      String(tickets),
      String(claims),
    ],
    { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Run;
}

export function claimCost(claims = 200): BenchResult[] {
  const few = claimRun(10, claims);
  const many = claimRun(100_000, claims);
  const engine = process.env.DATABASE_URL ? "PostgreSQL" : "embedded";
  const row = (id: string, who: string, pick: (run: Run) => number[]): BenchResult => {
    const value = median(pick(many));
    const baseline = median(pick(few));
    return {
      id,
      measure: `claim cost, ${who}, ${many.tickets} tickets in the table, p50`,
      value,
      unit: "ms",
      baseline,
      baselineName: `same with ${few.tickets} tickets`,
      target: "the same (ratio ~1)",
      met: value <= baseline * 1.5,
      note: `${engine}; p99 ${percentile(pick(many), 99).toFixed(2)} vs ${percentile(pick(few), 99).toFixed(2)} ms; ${claims} claims each, each followed by its finish`,
    };
  };
  return [
    row("10a", "a new guest (5 a day)", (run) => run.guests),
    row("10b", "the one key holding a tenth of them (no daily cap)", (run) => run.oneKey),
  ];
}
