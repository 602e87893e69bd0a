"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { AuthFormState } from "@/lib/auth/actions";
import { CredentialFields } from "./auth-form/credential-fields";

type Props = {
  mode: "sign-in" | "sign-up";
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>;
  callbackUrl: string;
};

/** The email + password form for both signing in and signing up. */
export function AuthForm({ mode, action, callbackUrl }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const signUp = mode === "sign-up";
  return (
    // React resets the form after each attempt; the fields come back from the answer's
    // values. aria-busy tells assistive technology (and tests) when the answer is in.
    <form action={submit} className="space-y-5" data-testid={`${mode}-form`} aria-busy={pending}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {signUp && (
        <div>
          <label htmlFor="name" className="block font-medium">
            Name <span className="font-normal text-slate-500 dark:text-slate-400">(optional)</span>
          </label>
          <input
            id="name"
            name="name"
            autoComplete="name"
            defaultValue={state.values?.name}
            className="field mt-2"
          />
        </div>
      )}
      <CredentialFields signUp={signUp} fields={state.fields} email={state.values?.email} />
      {state.error && (
        <p
          role="alert"
          data-testid="auth-error"
          className="rounded-lg bg-red-50 dark:bg-red-950/50 p-3 text-red-800 dark:text-red-200"
        >
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-xl bg-gradient-to-r from-brand-from to-brand-to px-6 py-3 font-semibold text-slate-900 disabled:opacity-60"
      >
        {signUp ? "Create account" : "Sign in"}
      </button>
      <SwitchModeLink signUp={signUp} callbackUrl={callbackUrl} />
    </form>
  );
}

/** Points a visitor on the wrong form to the other one, keeping where to go afterwards. */
function SwitchModeLink({ signUp, callbackUrl }: { signUp: boolean; callbackUrl: string }) {
  return (
    <p className="text-center text-sm text-slate-600 dark:text-slate-300">
      {signUp ? "Already have an account? " : "New here? "}
      <Link
        href={`/${signUp ? "sign-in" : "sign-up"}?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        className="font-medium text-violet-700 dark:text-violet-300 hover:underline"
      >
        {signUp ? "Sign in" : "Create an account"}
      </Link>
    </p>
  );
}
