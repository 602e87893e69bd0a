import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";

describe("environment", () => {
  it("has safe quota defaults and trusts no proxy unless told", () => {
    const env = readEnv({});
    expect(env.RATE_LIMIT_GUEST_PER_DAY).toBe(5);
    expect(env.RATE_LIMIT_USER_PER_DAY).toBe(30);
    expect(env.RATE_LIMIT_CONCURRENT).toBe(2);
    expect(env.TRUST_PROXY).toBe(0);
    expect(readEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(0);
  });

  it("reads TRUST_PROXY as a number of proxies", () => {
    expect(readEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(readEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(readEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => readEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });

  it("reads quota overrides and refuses nonsense", () => {
    expect(readEnv({ RATE_LIMIT_GUEST_PER_DAY: "0" }).RATE_LIMIT_GUEST_PER_DAY).toBe(0);
    expect(readEnv({ RATE_LIMIT_CONCURRENT: "4" }).RATE_LIMIT_CONCURRENT).toBe(4);
    expect(() => readEnv({ RATE_LIMIT_CONCURRENT: "0" })).toThrow(/RATE_LIMIT_CONCURRENT/);
    expect(() => readEnv({ RATE_LIMIT_USER_PER_DAY: "lots" })).toThrow(/RATE_LIMIT_USER_PER_DAY/);
  });

  it("accepts only a postgresql:// DATABASE_URL", () => {
    expect(readEnv({ DATABASE_URL: "postgresql://u@db.example/app" }).DATABASE_URL).toContain(
      "db.example",
    );
    expect(() => readEnv({ DATABASE_URL: "mysql://u@db/app" })).toThrow(/DATABASE_URL/);
  });
});
