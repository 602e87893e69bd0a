import type { AuthFormState } from "@/lib/auth/actions";

type Props = {
  signUp: boolean;
  fields: AuthFormState["fields"];
  /** The email typed in the last attempt, filled in again. */
  email?: string;
};

function FieldError({ name, fields }: { name: string; fields: AuthFormState["fields"] }) {
  const message = fields?.[name];
  if (!message) return null;
  return (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}

/** Email and password; signing up asks for a new password, signing in for the current one. */
export function CredentialFields({ signUp, fields, email }: Props) {
  return (
    <>
      <div>
        <label htmlFor="email" className="block font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="email"
          defaultValue={email}
          aria-describedby={fields?.email ? "email-error" : undefined}
          className="field mt-2"
        />
        <FieldError name="email" fields={fields} />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          Password{" "}
          {signUp && (
            <span className="font-normal text-slate-500 dark:text-slate-400">
              (at least 8 characters)
            </span>
          )}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={signUp ? 8 : undefined}
          autoComplete={signUp ? "new-password" : "current-password"}
          aria-describedby={fields?.password ? "password-error" : undefined}
          className="field mt-2"
        />
        <FieldError name="password" fields={fields} />
      </div>
    </>
  );
}
