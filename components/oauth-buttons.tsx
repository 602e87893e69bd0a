import { OAUTH_PROVIDERS, signIn } from "@/lib/auth";

/** GitHub / Google buttons, shown only for providers whose keys are configured. */
export function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  if (OAUTH_PROVIDERS.length === 0) return null;
  return (
    <div
      className="mt-6 space-y-2 border-t border-slate-200 dark:border-slate-700 pt-6"
      data-testid="oauth-buttons"
    >
      {OAUTH_PROVIDERS.map((provider) => (
        <form
          key={provider.id}
          action={async () => {
            "use server";
            await signIn(provider.id, { redirectTo: callbackUrl });
          }}
        >
          <button
            type="submit"
            className="w-full rounded-xl border border-slate-300 dark:border-slate-600 px-6 py-2.5 font-medium hover:bg-slate-50 dark:hover:bg-slate-800"
          >
            Continue with {provider.name}
          </button>
        </form>
      ))}
    </div>
  );
}
