import Link from "next/link";
import { auth } from "@/lib/auth";
import { signOutAction } from "@/lib/auth/actions";
import type { Theme } from "@/lib/theme";
import { ThemePicker } from "./theme-picker";

/**
 * Brand, and who is signed in with their links, or a sign-in link for guests; the theme
 * picker.
 */
export async function SiteHeader({ theme }: { theme: Theme }) {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="print:hidden border-b border-slate-200 dark:border-slate-700 bg-white/80 dark:bg-slate-900/80 backdrop-blur">
      <nav className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="font-semibold text-brand-ink dark:text-slate-100">
          <span className="bg-gradient-to-r from-cyan-500 to-violet-600 bg-clip-text text-transparent">
            AI Learning Path
          </span>{" "}
          Generator
        </Link>
        <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
          {user ? (
            <div
              className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1 text-sm"
              data-testid="signed-in"
            >
              <span className="min-w-0 text-slate-600 wrap-anywhere dark:text-slate-300">
                {user.name || user.email}
              </span>
              <Link
                href="/paths"
                className="font-medium text-violet-700 dark:text-violet-300 hover:underline"
              >
                My paths
              </Link>
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="font-medium text-slate-700 dark:text-slate-200 hover:underline"
                >
                  Sign out
                </button>
              </form>
            </div>
          ) : (
            <Link
              href="/sign-in"
              className="text-sm font-medium text-violet-700 dark:text-violet-300 hover:underline"
            >
              Sign in
            </Link>
          )}
          <ThemePicker initial={theme} />
        </div>
      </nav>
    </header>
  );
}
