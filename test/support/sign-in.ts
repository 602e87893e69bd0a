import { NextRequest } from "next/server";

// A credentials sign-in as the browser makes it, through Auth.js's own handlers (the
// routes the app serves at /api/auth/*): fetch a CSRF token with its cookie, then post
// the form with both. The real `authorize` runs against the test's database.

export const SIGN_IN_ORIGIN = "http://localhost:3000";
export const TEST_PASSWORD = "correct horse battery";

type AuthHandlers = typeof import("@/lib/auth")["handlers"];

type SignInForm = { email: string; password: string; callbackUrl: string };

/**
 * Posts the sign-in form; `headers` are added to the post (e.g. X-Forwarded-For). Says
 * where the answer redirects and whether it set a session cookie.
 */
export async function signInWithCredentials(
  handlers: AuthHandlers,
  form: SignInForm,
  headers: Record<string, string> = {},
): Promise<{ location: string | null; sessionSet: boolean }> {
  const csrf = await handlers.GET(new NextRequest(`${SIGN_IN_ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const response = await handlers.POST(
    new NextRequest(`${SIGN_IN_ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
      body: new URLSearchParams({ csrfToken, ...form }),
    }),
  );
  return {
    location: response.headers.get("location"),
    sessionSet: response.headers
      .getSetCookie()
      .some((header) => header.startsWith("authjs.session-token=")),
  };
}
