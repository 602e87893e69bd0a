import { encode } from "next-auth/jwt";

/** The secret the API tests give the app (set as AUTH_SECRET before importing routes). */
export const TEST_AUTH_SECRET = "test-secret-for-session-cookies";

/** A Cookie header carrying an Auth.js session for `userId`, signed with `secret`. */
export async function sessionCookie(userId: string, secret = TEST_AUTH_SECRET): Promise<string> {
  const salt = "authjs.session-token";
  return `${salt}=${await encode({ token: { sub: userId }, secret, salt })}`;
}
