import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RecordedRequest, Scenario } from "../../test/fake-openai/server";
import { findNginx, startNginx as startNginxProxy } from "../../test/support/nginx";
import { profilerFlags } from "./cpu-profile";

// Starting and stopping what the benchmarks measure: the production build as `npm start`
// serves it, the fake OpenAI server (its own process, so its work is not billed to
// the client), nginx, and readings of a process's memory and CPU time from /proc.

export const ROOT = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const nowMs = () => performance.timeOrigin + performance.now();

/**
 * Refuses a port some other process listens on. The ports are fixed and the machine is
 * shared: without this, waiting for "our" server found someone else's benchmark on the
 * port, and the run then drove (and reconfigured) their servers instead of its own.
 */
async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(new Error(`port ${port} is in use (another benchmark on this machine?)`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function waitForUrl(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not come up`);
      await sleep(200);
    }
  }
}

function start(command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

export function stopAll(): void {
  for (const child of children) child.kill("SIGTERM");
}
process.on("exit", stopAll);

export type FakeServer = {
  url: string;
  pid: number;
  setScenario(scenario: Scenario): Promise<void>;
  reset(): Promise<void>;
  requests(): Promise<RecordedRequest[]>;
};

export async function startFake(port: number): Promise<FakeServer> {
  await ensurePortFree(port);
  const child = start(process.execPath, ["--import", "tsx", "test/fake-openai/cli.ts"], {
    FAKE_OPENAI_PORT: String(port),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForUrl(`${base}/__requests`);
  return {
    url: `${base}/v1`,
    pid: child.pid ?? 0,
    async setScenario(scenario) {
      await fetch(`${base}/__scenario`, { method: "POST", body: JSON.stringify(scenario) });
    },
    async reset() {
      await fetch(`${base}/__reset`, { method: "POST" });
    },
    async requests() {
      return (await (await fetch(`${base}/__requests`)).json()) as RecordedRequest[];
    },
  };
}

/** The loopback floor server (see floor-server.ts). */
export async function startFloor(port: number): Promise<string> {
  await ensurePortFree(port);
  start(process.execPath, ["--import", "tsx", "bench/support/floor-server.ts"], {
    FLOOR_PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/`);
  return url;
}

export type AppServer = { url: string; pid: number };

/** The production build as `npm start` serves it, talking to the fake OpenAI server. */
export async function startApp(
  port: number,
  fakeUrl: string,
  extraEnv: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<AppServer> {
  await ensurePortFree(port);
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first.");
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-db-"));
  const env = {
    OPENAI_API_KEY: "bench-key",
    OPENAI_BASE_URL: fakeUrl,
    OPENAI_MODEL: "fake-model",
    PGLITE_DATA_DIR: dataDir,
    // Every request comes from one address here; the quotas would refuse nearly all.
    RATE_LIMIT_GUEST_PER_DAY: "1000000",
    RATE_LIMIT_CONCURRENT: "100000",
    ...extraEnv,
  };
  execFileSync(process.execPath, ["scripts/migrate.mjs"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  // The way `npm start` serves (scripts/start.mjs runs the standalone server in its own
  // process), without npm in between, so the pid is the server's own.
  const flags = [...profilerFlags(), ...nodeFlags];
  const child = start(process.execPath, [...flags, "scripts/start.mjs"], {
    ...env,
    HOST: "127.0.0.1",
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/result`);
  return { url, pid: child.pid ?? 0 };
}

const BARE_NEXT_DIR = path.join(ROOT, "bench", "bare-next");
let bareNext: Promise<string> | undefined;

/**
 * The bare Next.js app (bench/bare-next: one page, one route handler), built and served
 * with `next start` once per run: the framework's own floor for figures 1 and 6.
 */
export function startBareNext(port: number): Promise<string> {
  bareNext ??= buildAndStartBareNext(port);
  return bareNext;
}

async function buildAndStartBareNext(port: number): Promise<string> {
  await ensurePortFree(port);
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build", BARE_NEXT_DIR], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  start(process.execPath, [
    "node_modules/next/dist/bin/next",
    "start",
    BARE_NEXT_DIR,
    "-H",
    "127.0.0.1",
    "-p",
    String(port),
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/`);
  return url;
}

/** nginx in front of the app with gzip on and proxy buffering left at its defaults. */
export async function startNginx(port: number, upstreamPort: number): Promise<string | undefined> {
  if (!findNginx()) return undefined;
  const nginx = await startNginxProxy({ port, upstreamPort });
  children.push(nginx.process);
  return nginx.url;
}

/** Resident memory of a process and all its children, in bytes. */
export function residentBytes(pid: number): number {
  const pids = [pid, ...descendants(pid)];
  return pids.reduce((sum, one) => {
    try {
      const status = readFileSync(`/proc/${one}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return sum + kb * 1024;
    } catch {
      return sum;
    }
  }, 0);
}

/** CPU time (user + system) a process and its children have used, in milliseconds. */
export function cpuMs(pid: number): number {
  const ticksPerSecond = 100;
  return [pid, ...descendants(pid)].reduce((sum, one) => {
    try {
      const fields = readFileSync(`/proc/${one}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
    } catch {
      return sum;
    }
  }, 0);
}

function descendants(pid: number): number[] {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return kids.flatMap((kid) => [kid, ...descendants(kid)]);
  } catch {
    return [];
  }
}
