import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareTestDatabase } from "../support/database";

// The throttle on its own: each claim is one sign-in attempt that gets to check a password
// (and so counts as a failure unless noteSignInSuccess takes it back).

let throttle: typeof import("@/lib/auth/sign-in-throttle");

beforeAll(async () => {
  prepareTestDatabase();
  throttle = await import("@/lib/auth/sign-in-throttle");
});

afterEach(() => {
  vi.useRealTimers();
});

const email = () => `t-${crypto.randomUUID()}@example.test`;
const MINUTE = 60 * 1000;
// The failures' times and the window are both on the app's clock; a fixed, far date.
const T0 = new Date("2031-05-01T08:00:00.000Z").getTime();

/** Makes `count` attempts one after another; how many were allowed. */
async function attempts(count: number, account: string, ip: string | null): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < count; i++) {
    if ((await throttle.claimSignInAttempt(account, ip)).allowed) allowed++;
  }
  return allowed;
}

describe("from one client address", () => {
  it("refuses an account after 5 failures for the window, while its owner elsewhere gets in", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    const victim = email();
    expect(await attempts(6, victim, "10.0.0.1")).toBe(5);
    expect(await throttle.claimSignInAttempt(victim, "10.0.0.1")).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60,
    });
    // The stranger's failures cost the owner nothing: under the account-wide allowance.
    expect(await throttle.claimSignInAttempt(victim, "10.0.0.2")).toEqual({ allowed: true });

    vi.setSystemTime(T0 + 15 * MINUTE - 1000);
    expect((await throttle.claimSignInAttempt(victim, "10.0.0.1")).allowed).toBe(false);
    vi.setSystemTime(T0 + 15 * MINUTE + 1);
    expect((await throttle.claimSignInAttempt(victim, "10.0.0.1")).allowed).toBe(true);
  });

  it("refuses the address after 20 failures across accounts, and only that address", async () => {
    for (let i = 0; i < 20; i++) await throttle.claimSignInAttempt(email(), "10.9.9.9");
    expect((await throttle.claimSignInAttempt(email(), "10.9.9.9")).allowed).toBe(false);
    expect((await throttle.claimSignInAttempt(email(), "10.9.9.8")).allowed).toBe(true);
  });

  it("forgets the account's failures after a successful sign-in", async () => {
    const user = email();
    expect(await attempts(5, user, "10.1.1.1")).toBe(5);
    await throttle.noteSignInSuccess(user, "10.1.1.1");
    expect(await attempts(5, user, "10.1.1.1")).toBe(5);
  });
});

describe("across addresses, or when the app cannot tell addresses apart", () => {
  it("slows an account down after 10 failures with a growing wait, never past 5 minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    const owner = email();
    // Ten failures from ten addresses: none of them reaches its own limit.
    for (let i = 0; i < 10; i++) await attempts(1, owner, `10.2.0.${i}`);
    let now = T0;
    const waits: number[] = [];
    for (let step = 0; step < 5; step++) {
      const refused = await throttle.claimSignInAttempt(owner, null);
      if (refused.allowed) throw new Error(`attempt ${step} should have waited`);
      waits.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000;
      vi.setSystemTime(now);
      // The moment the wait is over, the next attempt goes through (and counts).
      expect((await throttle.claimSignInAttempt(owner, `10.3.0.${step}`)).allowed).toBe(true);
    }
    expect(waits).toEqual([60, 120, 240, 300, 300]);
  });

  it("counts only the account when the app cannot tell addresses apart", async () => {
    const user = email();
    for (let i = 0; i < 25; i++) await throttle.claimSignInAttempt(`${i}-${user}`, null);
    // 25 failures from "somewhere" slow down neither a new account nor anyone else.
    expect((await throttle.claimSignInAttempt(user, null)).allowed).toBe(true);
    expect(throttle.signInClient(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBeNull();
  });
});

describe("parallel attempts (issue 11, finding 2: check and count are one locked step)", () => {
  it("let exactly 5 of 30 wrong passwords from one address through", async () => {
    const victim = email();
    const claims = await Promise.all(
      Array.from({ length: 30 }, () => throttle.claimSignInAttempt(victim, "10.4.4.4")),
    );
    expect(claims.filter((claim) => claim.allowed)).toHaveLength(5);
  });

  it("let exactly 10 of 30 through when addresses are unknown", async () => {
    const victim = email();
    const claims = await Promise.all(
      Array.from({ length: 30 }, () => throttle.claimSignInAttempt(victim, null)),
    );
    expect(claims.filter((claim) => claim.allowed)).toHaveLength(10);
  });
});
