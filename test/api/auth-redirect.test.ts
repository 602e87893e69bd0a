import { beforeAll, describe, expect, it } from "vitest";
import { prepareTestDatabase } from "../support/database";
import { TEST_AUTH_SECRET } from "../support/session";
import { SIGN_IN_ORIGIN, signInWithCredentials, TEST_PASSWORD } from "../support/sign-in";

// Issue 11, finding 5, at Auth.js's own sign-in endpoint: a `callbackUrl` with a control
// character (or one a header cannot carry) made the redirect throw, and the visitor got
// Auth.js's configuration error page. Now it signs in and lands on the default page.
// (The sign-in and sign-up forms' server actions: test/unit/safe-text.test.ts and
// e2e/accounts.spec.ts.)

let auth: typeof import("@/lib/auth");
let passwords: typeof import("@/lib/auth/passwords");
let db: typeof import("@/lib/db");

beforeAll(async () => {
  prepareTestDatabase();
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  auth = await import("@/lib/auth");
  passwords = await import("@/lib/auth/passwords");
  db = await import("@/lib/db");
}, 120_000);

const ORIGIN = SIGN_IN_ORIGIN;
const PASSWORD = TEST_PASSWORD;

/** A credentials sign-in as the browser makes it, with this callbackUrl. */
const signInWith = (email: string, callbackUrl: string) =>
  signInWithCredentials(auth.handlers, { email, password: PASSWORD, callbackUrl });

describe("Auth.js's sign-in endpoint and callbackUrl", () => {
  it("signs in and lands on the default page when the target holds a control character", async () => {
    const email = `user-${crypto.randomUUID()}@example.test`;
    await db.createPasswordUser(email, undefined, await passwords.hashPassword(PASSWORD));
    for (const callbackUrl of ["/paths/x\n/evil", "/paths\r\nX-Injected: 1", `${ORIGIN}/p\t/x`]) {
      expect(await signInWith(email, callbackUrl), JSON.stringify(callbackUrl)).toEqual({
        location: `${ORIGIN}/paths`,
        sessionSet: true,
      });
    }
  });

  it("still follows this site's paths, written so a header can carry them", async () => {
    const email = `user-${crypto.randomUUID()}@example.test`;
    await db.createPasswordUser(email, undefined, await passwords.hashPassword(PASSWORD));
    expect((await signInWith(email, "/paths/abc?tab=1")).location).toBe(
      `${ORIGIN}/paths/abc?tab=1`,
    );
    expect((await signInWith(email, `${ORIGIN}/paths/🦀`)).location).toBe(
      `${ORIGIN}/paths/%F0%9F%A6%80`,
    );
    expect((await signInWith(email, "https://evil.example/x")).location).toBe(`${ORIGIN}/paths`);
  });
});
