import Link from "next/link";
import { auth } from "@/lib/auth";
import { signOutAction } from "@/lib/auth/actions";

/** Brand, and who is signed in with their links, or a sign-in link for guests. */
export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur">
      <nav className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="font-semibold text-brand-ink">
          <span className="bg-gradient-to-r from-cyan-500 to-violet-600 bg-clip-text text-transparent">
            AI Learning Path
          </span>{" "}
          Generator
        </Link>
        {user ? (
          <div className="flex items-center gap-4 text-sm" data-testid="signed-in">
            <span className="text-slate-600">{user.name || user.email}</span>
            <Link href="/paths" className="font-medium text-violet-700 hover:underline">
              My paths
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="font-medium text-slate-700 hover:underline">
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <Link href="/sign-in" className="text-sm font-medium text-violet-700 hover:underline">
            Sign in
          </Link>
        )}
      </nav>
    </header>
  );
}
