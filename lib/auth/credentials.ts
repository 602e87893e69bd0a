import { z } from "zod";
import { isSafeText, safeText } from "@/lib/validation/safe-text";

// Shared by the sign-up / sign-in forms and the server.

export const PASSWORD_MIN_LENGTH = 8;

const email = z
  .email("Enter a valid email address")
  .check(safeText("The email address"))
  .trim()
  .toLowerCase()
  .max(254);

export const signInSchema = z.object({
  email,
  password: z.string().check(safeText("The password")).min(1, "Enter your password").max(200),
});

export const signUpSchema = z.object({
  name: z.string().check(safeText("The name")).trim().max(100).optional(),
  email,
  password: z
    .string()
    .check(safeText("The password"))
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200, "Password must be at most 200 characters"),
});

/** Any origin that is not a real one: what a same-site path resolves against. */
const THIS_SITE = "http://this-site.invalid";

/**
 * Only same-site paths: `/paths/1` yes, `//evil.example` and `https://evil.example` no.
 * A path with a control character is refused too: browsers drop tabs and line breaks
 * from URLs (`/\t/evil.example` is `//evil.example` to them), and a line break in the
 * Location header made Next answer 500 after the account was signed in. What passes is
 * returned as the URL parser writes it (percent-encoded), which any header can carry.
 */
export function safeRedirectPath(value: unknown, fallback = "/paths"): string {
  if (typeof value !== "string" || !value.startsWith("/") || !isSafeText(value)) return fallback;
  const url = URL.parse(value, THIS_SITE);
  if (url?.origin !== THIS_SITE) return fallback;
  return url.pathname + url.search + url.hash;
}
