import bcrypt from "bcryptjs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareTestDatabase } from "../support/database";
import { TEST_AUTH_SECRET } from "../support/session";
import { SIGN_IN_ORIGIN, signInWithCredentials, TEST_PASSWORD } from "../support/sign-in";

// README, "Accounts": sign-in answers alike for an unknown email and a wrong password and
// takes the same time for both; 5 failures from one address stop that address for 15
// minutes, while the account as a whole is only slowed down. Each attempt goes through
// Auth.js's own credentials callback (the route the app serves at /api/auth/*), so the
// real `authorize` runs against the real database, behind a trusted proxy (TRUST_PROXY=1)
// that names the client in X-Forwarded-For.

let auth: typeof import("@/lib/auth");
let passwords: typeof import("@/lib/auth/passwords");
let db: typeof import("@/lib/db");

beforeAll(async () => {
  prepareTestDatabase();
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  process.env.TRUST_PROXY = "1";
  auth = await import("@/lib/auth");
  passwords = await import("@/lib/auth/passwords");
  db = await import("@/lib/db");
  // A new migrated database costs seconds of CPU on a busy machine.
}, 120_000);

const ORIGIN = SIGN_IN_ORIGIN;
const PASSWORD = TEST_PASSWORD;

async function createUser(): Promise<{ email: string; passwordHash: string }> {
  const email = `user-${crypto.randomUUID()}@example.test`;
  const passwordHash = await passwords.hashPassword(PASSWORD);
  await db.createPasswordUser(email, undefined, passwordHash);
  return { email, passwordHash };
}

type Attempt = { signedIn: boolean; code: string | null; location: string };

/** One credentials sign-in, as the browser makes it, from the address `from`. */
async function signIn(email: string, password: string, from = "192.0.2.1"): Promise<Attempt> {
  const { location, sessionSet } = await signInWithCredentials(
    auth.handlers,
    { email, password, callbackUrl: "/paths" },
    { "x-forwarded-for": from },
  );
  return {
    signedIn: sessionSet && location === `${ORIGIN}/paths`,
    code: new URL(location ?? "", ORIGIN).searchParams.get("code"),
    location: location ?? "",
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("unknown email and wrong password", () => {
  /** Every bcrypt comparison made while `attempt` ran, as [password, hash]. */
  async function comparisonsDuring(attempt: () => Promise<Attempt>) {
    const compare = vi.spyOn(bcrypt, "compare");
    const compareSync = vi.spyOn(bcrypt, "compareSync");
    const result = await attempt();
    const calls = [...compare.mock.calls, ...compareSync.mock.calls].map(([p, h]) => [p, h]);
    vi.restoreAllMocks();
    return { result, calls };
  }

  it("each cost exactly one bcrypt comparison, at the same cost, and get the same answer", async () => {
    const user = await createUser();
    const unknown = await comparisonsDuring(() =>
      signIn(`nobody-${crypto.randomUUID()}@example.test`, "wrong password"),
    );
    const wrong = await comparisonsDuring(() => signIn(user.email, "wrong password"));

    // An unknown email is checked against the dummy hash, not skipped.
    expect(unknown.calls).toEqual([["wrong password", passwords.DUMMY_HASH]]);
    expect(wrong.calls).toEqual([["wrong password", user.passwordHash]]);
    // The dummy hash is as slow to check as a real one: the same bcrypt cost.
    expect(bcrypt.getRounds(passwords.DUMMY_HASH)).toBe(passwords.BCRYPT_COST);
    expect(bcrypt.getRounds(user.passwordHash)).toBe(passwords.BCRYPT_COST);

    expect(unknown.result).toEqual(wrong.result);
    expect(unknown.result).toMatchObject({ signedIn: false, code: "credentials" });
  });

  it("the right password signs in, also with one comparison", async () => {
    const user = await createUser();
    const right = await comparisonsDuring(() => signIn(user.email, PASSWORD));
    expect(right.calls).toEqual([[PASSWORD, user.passwordHash]]);
    expect(right.result).toMatchObject({ signedIn: true, code: null });
  });
});

describe("sign-in throttle", () => {
  const MINUTE = 60 * 1000;
  // Far from the real date: the failures' times (Prisma fills `@default(now())` in the
  // app) and the window are both on the app's clock, so faking Date moves the window;
  // were either taken from the database's now(), this test would fail.
  const T0 = new Date("2031-05-01T08:00:00.000Z").getTime();

  /** One wrong password per address, from `count` addresses. */
  async function guessFromManyAddresses(email: string, count: number) {
    for (let i = 0; i < count; i++) {
      expect(await signIn(email, "wrong password", `198.51.100.${i}`)).toMatchObject({
        signedIn: false,
        code: "credentials",
      });
    }
  }

  it("stops a guesser's address after 5 failures for 15 minutes; the owner elsewhere signs in", async () => {
    const user = await createUser();
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    for (let failure = 1; failure <= 5; failure++) {
      expect(await signIn(user.email, "wrong password", "203.0.113.66")).toMatchObject({
        code: "credentials",
      });
    }
    // Now even the right password is refused from there, and without checking it.
    const compare = vi.spyOn(bcrypt, "compare");
    expect(await signIn(user.email, PASSWORD, "203.0.113.66")).toMatchObject({
      signedIn: false,
      code: "too_many_attempts",
    });
    expect(compare).not.toHaveBeenCalled();
    vi.setSystemTime(T0 + 15 * MINUTE - 1);
    expect(await signIn(user.email, PASSWORD, "203.0.113.66")).toMatchObject({
      code: "too_many_attempts",
    });
    // The owner, at their own address, was never shut out.
    expect(await signIn(user.email, PASSWORD, "192.0.2.10")).toMatchObject({ signedIn: true });
  });

  it("slows the account down after 10 failures from many addresses: the owner waits a minute, not 15", async () => {
    const user = await createUser();
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    await guessFromManyAddresses(user.email, 10);
    const compare = vi.spyOn(bcrypt, "compare");
    expect(await signIn(user.email, PASSWORD, "192.0.2.10")).toMatchObject({
      signedIn: false,
      code: "too_many_attempts",
    });
    expect(compare).not.toHaveBeenCalled();
    vi.setSystemTime(T0 + MINUTE - 1);
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ code: "too_many_attempts" });
    vi.setSystemTime(T0 + MINUTE + 1);
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ signedIn: true, code: null });
  });

  it("counts only failures inside the window: 9 old ones and 1 new one do not slow down", async () => {
    const user = await createUser();
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    await guessFromManyAddresses(user.email, 9);
    vi.setSystemTime(T0 + 15 * MINUTE + 1);
    expect(await signIn(user.email, "wrong password")).toMatchObject({ code: "credentials" });
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ signedIn: true });
  });
});
