import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";
import { OAuthButtons } from "@/components/oauth-buttons";
import { signInAction } from "@/lib/auth/actions";
import { safeRedirectPath } from "@/lib/auth/credentials";

export const metadata: Metadata = { title: "Sign in · AI Learning Path Generator" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function Page({ searchParams }: Props) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  return (
    <div className="mx-auto max-w-md rounded-2xl bg-white dark:bg-slate-900 p-6 shadow-xl ring-1 ring-slate-200 dark:ring-slate-700 sm:p-8">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <AuthForm mode="sign-in" action={signInAction} callbackUrl={callbackUrl} />
      <OAuthButtons callbackUrl={callbackUrl} />
    </div>
  );
}
