import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, sleep } from "../support/processes";
import type { BenchResult } from "../support/result";

// 11. `npm start` to the first page: on a fresh clone (no database folder yet) and on a
// later start, next to a bare Node server's start to its first answer on this machine.

/** Starts `command` in its own process group; resolves with ms until `url` answers 200. */
async function timeToFirstPage(
  command: string[],
  url: string,
  env: Record<string, string>,
): Promise<{ ms: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn(command[0] ?? "", command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: "ignore",
    detached: true,
  });
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return { ms: performance.now() - started, child };
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > 120_000) throw new Error(`${url} did not come up`);
    await sleep(25);
  }
}

/** Stops a whole process group this measure started, and waits for it to go. */
async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (child.pid) process.kill(-child.pid, "SIGTERM");
  await exited;
}

export async function startUp(port: number): Promise<BenchResult[]> {
  const url = `http://127.0.0.1:${port}/`;
  const bare = await timeToFirstPage(
    [
      process.execPath,
      "-e",
      `require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1")`,
    ],
    url,
    {},
  );
  await stop(bare.child);
  // A fresh clone's data folder: nothing there yet. DATABASE_URL is not used here.
  const env = {
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "bench-start-")),
    DATABASE_URL: "",
    PGLITE_DATA_DIR: "",
    PORT: String(port),
    HOST: "127.0.0.1",
  };
  const npmStart = ["npm", "start", "--silent"];
  const fresh = await timeToFirstPage(npmStart, url, env);
  await stop(fresh.child);
  const later = await timeToFirstPage(npmStart, url, env);
  await stop(later.child);
  const row = (id: string, which: string, ms: number, target: number): BenchResult => ({
    id,
    measure: `npm start to the first page, ${which}`,
    value: ms,
    unit: "ms",
    baseline: bare.ms,
    baselineName: "bare Node server start to first answer",
    target: `<= ${target / 1000} s`,
    met: ms <= target,
  });
  return [row("11a", "fresh clone", fresh.ms, 4000), row("11b", "later start", later.ms, 2000)];
}
