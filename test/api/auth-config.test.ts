import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareTestDatabase } from "../support/database";
import { TEST_AUTH_SECRET } from "../support/session";

let auth: typeof import("@/lib/auth");
let secret: typeof import("@/lib/auth/secret");

beforeAll(async () => {
  prepareTestDatabase();
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  auth = await import("@/lib/auth");
  secret = await import("@/lib/auth/secret");
});

describe("sign-in providers", () => {
  it("offers GitHub and Google only when both their id and secret are set", () => {
    const ids = (settings: Record<string, string>) =>
      auth
        .oauthProviders(settings)
        .map((provider) => (typeof provider === "function" ? provider() : provider).id);
    expect(ids({})).toEqual([]);
    expect(ids({ AUTH_GITHUB_ID: "id" })).toEqual([]);
    expect(ids({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" })).toEqual(["github"]);
    expect(
      ids({
        AUTH_GITHUB_ID: "a",
        AUTH_GITHUB_SECRET: "b",
        AUTH_GOOGLE_ID: "c",
        AUTH_GOOGLE_SECRET: "d",
      }),
    ).toEqual(["github", "google"]);
  });
});

describe("AUTH_SECRET", () => {
  it("uses the configured secret", () => {
    expect(secret.resolveAuthSecret({ AUTH_SECRET: "configured-secret-value" })).toBe(
      "configured-secret-value",
    );
  });

  it("generates one for a local run and keeps it across restarts", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "auth-secret-"));
    const first = secret.resolveAuthSecret({ DATA_DIR: dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8")).toBe(first);
    expect(secret.resolveAuthSecret({ DATA_DIR: dataDir })).toBe(first);
  });

  it("is required on a serverless deployment", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "auth-secret-"));
    expect(() => secret.resolveAuthSecret({ DATA_DIR: dataDir, VERCEL: "1" })).toThrow(
      /AUTH_SECRET must be set/,
    );
    expect(existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  });
});
