import { afterEach, describe, expect, it, vi } from "vitest";

// instrumentation.ts runs once when the production server starts: it must log the
// deployment warnings there (lib/http/start-up-warnings.ts), read from the environment.

const jobsSweeper = globalThis as unknown as { deadJobSweeper?: NodeJS.Timeout };

async function startServerWith(settings: Record<string, string>): Promise<string[]> {
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  vi.stubEnv("NODE_ENV", "production");
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  vi.resetModules();
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const { register } = await import("@/instrumentation");
  await register();
  return warn.mock.calls.map((call) => JSON.parse(String(call[0])).event);
}

describe("server start", () => {
  afterEach(() => {
    clearInterval(jobsSweeper.deadJobSweeper);
    jobsSweeper.deadJobSweeper = undefined;
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("warns that guests share one daily count when no proxy is trusted", async () => {
    expect(await startServerWith({ TRUST_PROXY: "" })).toEqual(["guests share one quota"]);
  });

  it("warns that a trusted proxy can be bypassed when the server listens on every interface", async () => {
    expect(await startServerWith({ TRUST_PROXY: "1", HOSTNAME: "0.0.0.0" })).toEqual([
      "reachable without the proxy",
    ]);
  });

  it("starts quietly behind a trusted proxy on loopback", async () => {
    expect(await startServerWith({ TRUST_PROXY: "1", HOSTNAME: "127.0.0.1" })).toEqual([]);
  });
});
