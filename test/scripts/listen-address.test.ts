import { describe, expect, it } from "vitest";
import { listenAddress } from "@/scripts/listen-address.mjs";

// README, "Self-hosting behind a reverse proxy": with TRUST_PROXY set, `npm start`
// listens on loopback only, so nobody can bypass the proxy and forge X-Forwarded-For.

describe("npm start's listen address", () => {
  it("listens on loopback only when a trusted proxy stands in front", () => {
    expect(listenAddress({ TRUST_PROXY: "true" })).toBe("127.0.0.1");
    expect(listenAddress({ TRUST_PROXY: "1" })).toBe("127.0.0.1");
    expect(listenAddress({ TRUST_PROXY: "2" })).toBe("127.0.0.1");
  });

  it("listens on every interface without a trusted proxy, like next start", () => {
    expect(listenAddress({})).toBe("0.0.0.0");
    expect(listenAddress({ TRUST_PROXY: "false" })).toBe("0.0.0.0");
    expect(listenAddress({ TRUST_PROXY: "0" })).toBe("0.0.0.0");
    expect(listenAddress({ TRUST_PROXY: "" })).toBe("0.0.0.0");
  });

  it("listens where HOST says, whatever TRUST_PROXY is", () => {
    expect(listenAddress({ HOST: "10.0.0.5", TRUST_PROXY: "true" })).toBe("10.0.0.5");
    expect(listenAddress({ HOST: "127.0.0.1" })).toBe("127.0.0.1");
  });
});
