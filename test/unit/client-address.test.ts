import { describe, expect, it } from "vitest";
import { clientAddress, knowsClientAddresses } from "@/lib/http/client-address";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });
const behind = (proxies: number) => ({ TRUST_PROXY: proxies });
const onVercel = { TRUST_PROXY: 0, VERCEL: "1" };

describe("client address", () => {
  it("believes no forwarding header without a trusted proxy", () => {
    expect(clientAddress(forwardedFor("203.0.113.7"), behind(0))).toBe("direct");
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.7" }), behind(0))).toBe("direct");
    expect(clientAddress(new Headers({ "x-vercel-forwarded-for": "203.0.113.7" }), behind(0))).toBe(
      "direct",
    );
    expect(knowsClientAddresses(behind(0))).toBe(false);
  });

  it("takes the address the nearest trusted proxy appended, ignoring what the client wrote", () => {
    // The client forged 1.1.1.1; nginx appended the address it really saw.
    expect(clientAddress(forwardedFor("1.1.1.1, 203.0.113.7"), behind(1))).toBe("203.0.113.7");
    // Behind a CDN and nginx: the CDN appended the client, nginx appended the CDN.
    expect(clientAddress(forwardedFor("1.1.1.1, 203.0.113.7, 10.0.0.2"), behind(2))).toBe(
      "203.0.113.7",
    );
    // Fewer entries than proxies: the first entry is the best there is.
    expect(clientAddress(forwardedFor("203.0.113.7"), behind(2))).toBe("203.0.113.7");
    expect(knowsClientAddresses(behind(1))).toBe(true);
  });

  it("falls back to X-Real-IP, then to unknown", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.4" }), behind(1))).toBe(
      "198.51.100.4",
    );
    expect(clientAddress(new Headers(), behind(1))).toBe("unknown");
  });

  it("on Vercel believes the address the platform wrote, without TRUST_PROXY", () => {
    expect(knowsClientAddresses(onVercel)).toBe(true);
    // Vercel overwrites X-Vercel-Forwarded-For; a forged X-Forwarded-For is not read.
    const headers = new Headers({
      "x-vercel-forwarded-for": "203.0.113.7",
      "x-forwarded-for": "1.1.1.1",
    });
    expect(clientAddress(headers, onVercel)).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.4" }), onVercel)).toBe(
      "198.51.100.4",
    );
    expect(
      clientAddress(new Headers({ "x-vercel-forwarded-for": "2001:db8:abcd:12:1::7" }), onVercel),
    ).toBe("2001:db8:abcd:12::/64");
    expect(clientAddress(forwardedFor("203.0.113.7"), onVercel)).toBe("unknown");
  });

  it("counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4", () => {
    expect(clientAddress(forwardedFor("2001:db8:abcd:12:1::7"), behind(1))).toBe(
      "2001:db8:abcd:12::/64",
    );
    expect(clientAddress(forwardedFor("2001:0db8:abcd:0012:ffff:0:0:1"), behind(1))).toBe(
      "2001:db8:abcd:12::/64",
    );
    expect(clientAddress(forwardedFor("2001:db8::1"), behind(1))).toBe("2001:db8:0:0::/64");
    expect(clientAddress(forwardedFor("::ffff:203.0.113.7"), behind(1))).toBe("203.0.113.7");
  });
});
