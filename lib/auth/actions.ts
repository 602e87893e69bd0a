"use server";

import { AuthError } from "next-auth";
import { describeWait } from "@/lib/browser-api";
import { createPasswordUser } from "@/lib/db";
import { safeRedirectPath, signInSchema, signUpSchema } from "./credentials";
import { signIn, signOut, TooManySignInAttempts } from "./index";
import { hashPassword } from "./passwords";

// Server actions behind the sign-in, sign-up and sign-out forms. Next.js checks that a
// server action is posted from this site's own pages (Origin against Host).

export type AuthFormState = {
  error?: string;
  /** A message per field that needs attention. */
  fields?: Record<string, string>;
  /** What the visitor typed (never the password), shown again after a failed attempt. */
  values?: { email?: string; name?: string };
};

const WRONG_CREDENTIALS = "Wrong email or password.";
const tooManyAttempts = (retryAfterSeconds: number) =>
  `Too many sign-in attempts. Try again in ${describeWait(retryAfterSeconds)}.`;

async function signInWithPassword(email: string, password: string, redirectTo: string) {
  try {
    await signIn("credentials", { email, password, redirectTo });
    return {};
  } catch (error) {
    // A successful sign-in "throws" Next's redirect; let it through.
    if (error instanceof TooManySignInAttempts) {
      return { error: tooManyAttempts(error.retryAfterSeconds) };
    }
    if (error instanceof AuthError) return { error: WRONG_CREDENTIALS };
    throw error;
  }
}

/** The form's own text fields, to fill them in again when the attempt failed. */
function typedValues(form: FormData): AuthFormState["values"] {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, 320) : undefined;
  };
  return { email: text("email"), name: text("name") };
}

export async function signInAction(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = signInSchema.safeParse({
    email: form.get("email"),
    password: form.get("password"),
  });
  if (!parsed.success) return { error: WRONG_CREDENTIALS, values: typedValues(form) };
  const redirectTo = safeRedirectPath(form.get("callbackUrl"));
  const result = await signInWithPassword(parsed.data.email, parsed.data.password, redirectTo);
  return { ...result, values: typedValues(form) };
}

export async function signUpAction(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = signUpSchema.safeParse({
    name: form.get("name") || undefined,
    email: form.get("email"),
    password: form.get("password"),
  });
  if (!parsed.success) {
    return {
      fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
      values: typedValues(form),
    };
  }
  const { email, password, name } = parsed.data;
  const created = await createPasswordUser(email, name, await hashPassword(password));
  if (!created) {
    return {
      fields: { email: "An account with this email already exists. Sign in instead." },
      values: typedValues(form),
    };
  }
  const result = await signInWithPassword(
    email,
    password,
    safeRedirectPath(form.get("callbackUrl")),
  );
  return { ...result, values: typedValues(form) };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
