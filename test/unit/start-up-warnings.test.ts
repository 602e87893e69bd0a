import { afterEach, describe, expect, it, vi } from "vitest";
import { logStartUpWarnings, startUpWarnings } from "@/lib/http/start-up-warnings";

const events = (settings: Parameters<typeof startUpWarnings>[0]) =>
  startUpWarnings(settings).map((warning) => warning.event);

describe("start-up warnings", () => {
  afterEach(() => vi.restoreAllMocks());

  it("warns that guests share one daily count when no address can be trusted", () => {
    expect(events({ TRUST_PROXY: 0 })).toEqual(["guests share one quota"]);
    // Behind a trusted proxy on loopback, or on Vercel, addresses are known: no warning.
    expect(events({ TRUST_PROXY: 1, HOSTNAME: "127.0.0.1" })).toEqual([]);
    expect(events({ TRUST_PROXY: 0, VERCEL: "1" })).toEqual([]);
  });

  it("warns loudly when a trusted proxy can be bypassed because the server listens beyond loopback", () => {
    expect(events({ TRUST_PROXY: 1, HOSTNAME: "0.0.0.0" })).toEqual([
      "reachable without the proxy",
    ]);
    expect(events({ TRUST_PROXY: 1 })).toEqual(["reachable without the proxy"]);
    expect(events({ TRUST_PROXY: 2, HOSTNAME: "my-container" })).toEqual([
      "reachable without the proxy",
    ]);
    expect(events({ TRUST_PROXY: 1, HOSTNAME: "::1" })).toEqual([]);
    expect(events({ TRUST_PROXY: 1, HOSTNAME: "localhost" })).toEqual([]);
  });

  it("asks for AUTH_URL when OAuth sign-in is configured and the public address is unknown", () => {
    expect(events({ TRUST_PROXY: 0, AUTH_GITHUB_ID: "id" })).toContain("sign-in addresses unknown");
    expect(events({ TRUST_PROXY: 0, AUTH_GITHUB_ID: "id", AUTH_URL: "https://x.example" })).toEqual(
      ["guests share one quota"],
    );
    expect(events({ TRUST_PROXY: 1, HOSTNAME: "127.0.0.1", AUTH_GOOGLE_ID: "id" })).toEqual([]);
  });

  it("logs each warning as one structured line on stderr", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    logStartUpWarnings({ TRUST_PROXY: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(warn.mock.calls[0]?.[0]));
    expect(line).toMatchObject({ level: "warn", event: "guests share one quota" });
    expect(line.message).toMatch(/all guests share ONE daily generation count/);
  });
});
