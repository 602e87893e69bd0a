import { z } from "zod";

// Shared by the sign-up / sign-in forms and the server.

export const PASSWORD_MIN_LENGTH = 8;

export const signInSchema = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export const signUpSchema = z.object({
  name: z.string().trim().max(100).optional(),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200, "Password must be at most 200 characters"),
});

/** Only same-site paths: `/paths/1` yes, `//evil.example` and `https://evil.example` no. */
export function safeRedirectPath(value: unknown, fallback = "/paths"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
