import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/auth/public-origin";

// What Next hands a route handler: its own listening address, whatever the visitor used.
const OWN_URL = "http://localhost:3000/api/auth/providers";
const request = (headers: Record<string, string>) => new Request(OWN_URL, { headers });
const visitor = request({
  host: "paths.example.com",
  "x-forwarded-host": "paths.example.com",
  "x-forwarded-proto": "https",
});

describe("the public origin Auth.js names in its redirects", () => {
  it("follows the proxy's Host and scheme when a proxy of ours stands in front", () => {
    expect(publicOrigin(visitor, { TRUST_PROXY: 1 })).toBe("https://paths.example.com");
    // nginx as the README configures it passes Host through and writes the scheme.
    const nginx = request({ host: "paths.example.com:8443", "x-forwarded-proto": "https" });
    expect(publicOrigin(nginx, { TRUST_PROXY: 1 })).toBe("https://paths.example.com:8443");
    // No scheme header: the scheme the server itself was reached by.
    expect(publicOrigin(request({ host: "paths.example.com" }), { TRUST_PROXY: 1 })).toBe(
      "http://paths.example.com",
    );
  });

  it("ignores an X-Forwarded-Host the visitor wrote: the proxy sets Host", () => {
    const forged = request({ host: "paths.example.com", "x-forwarded-host": "evil.example" });
    expect(publicOrigin(forged, { TRUST_PROXY: 1 })).toBe("http://paths.example.com");
  });

  it("follows the platform's headers on Vercel without TRUST_PROXY", () => {
    expect(publicOrigin(visitor, { TRUST_PROXY: 0, VERCEL: "1" })).toBe(
      "https://paths.example.com",
    );
  });

  it("keeps the server's own address when nothing vouches for the headers", () => {
    expect(publicOrigin(visitor, { TRUST_PROXY: 0 })).toBe("http://localhost:3000");
  });

  it("uses AUTH_URL whenever it is set", () => {
    const settings = { TRUST_PROXY: 1, AUTH_URL: "https://learn.example.org/" };
    expect(publicOrigin(visitor, settings)).toBe("https://learn.example.org");
    expect(publicOrigin(visitor, { ...settings, TRUST_PROXY: 0 })).toBe(
      "https://learn.example.org",
    );
  });

  it("refuses schemes other than http and https, and hosts that are no host names", () => {
    const odd = (headers: Record<string, string>) =>
      publicOrigin(request(headers), { TRUST_PROXY: 1 });
    expect(odd({ host: "paths.example.com", "x-forwarded-proto": "javascript" })).toBe(
      "http://localhost:3000",
    );
    expect(odd({ host: "exa mple.com", "x-forwarded-proto": "https" })).toBe(
      "http://localhost:3000",
    );
  });
});
