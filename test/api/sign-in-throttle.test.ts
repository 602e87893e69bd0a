import { beforeAll, describe, expect, it } from "vitest";
import { prepareTestDatabase } from "../support/database";

let throttle: typeof import("@/lib/auth/sign-in-throttle");

beforeAll(async () => {
  prepareTestDatabase();
  throttle = await import("@/lib/auth/sign-in-throttle");
});

const email = () => `t-${Math.random()}@example.test`;

describe("sign-in throttling", () => {
  it("refuses an account after 5 failures in the window, whatever the address", async () => {
    const victim = email();
    for (let i = 0; i < 4; i++) await throttle.noteSignInFailure(victim, `10.0.0.${i}`);
    expect(await throttle.isSignInThrottled(victim, "10.0.1.1")).toBe(false);
    await throttle.noteSignInFailure(victim, "10.0.0.9");
    expect(await throttle.isSignInThrottled(victim, "10.0.1.1")).toBe(true);
    expect(await throttle.isSignInThrottled(email(), "10.0.1.1")).toBe(false);
  });

  it("refuses a client address after 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) await throttle.noteSignInFailure(email(), "10.9.9.9");
    expect(await throttle.isSignInThrottled(email(), "10.9.9.9")).toBe(true);
    expect(await throttle.isSignInThrottled(email(), "10.9.9.8")).toBe(false);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const user = email();
    for (let i = 0; i < 5; i++) await throttle.noteSignInFailure(user, "10.1.1.1");
    await throttle.noteSignInSuccess(user);
    expect(await throttle.isSignInThrottled(user, "10.1.1.2")).toBe(false);
  });

  it("counts only the account when the app cannot tell addresses apart", async () => {
    const user = email();
    for (let i = 0; i < 25; i++) await throttle.noteSignInFailure(`${i}-${user}`, null);
    // 25 failures from "somewhere" lock out neither a new account nor anyone else.
    expect(await throttle.isSignInThrottled(user, null)).toBe(false);
    expect(throttle.signInClient(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBeNull();
  });
});
