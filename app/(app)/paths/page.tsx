import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { listLearningPathsForUser } from "@/lib/db";

export const metadata: Metadata = { title: "My paths · AI Learning Path Generator" };

export default async function MyPathsPage() {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/sign-in?callbackUrl=/paths");
  const paths = await listLearningPathsForUser(userId);
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">My learning paths</h1>
      {paths.length === 0 ? (
        <div
          className="mt-8 rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200"
          data-testid="no-paths"
        >
          <p className="text-slate-600">You have no saved paths yet.</p>
          <Link
            href="/"
            className="mt-4 inline-block rounded-xl bg-gradient-to-r from-brand-from to-brand-to px-5 py-2.5 font-semibold"
          >
            Create your first learning path
          </Link>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="saved-paths">
          {paths.map((path) => (
            <li key={path.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <Link
                href={`/paths/${path.id}`}
                className="text-lg font-semibold text-violet-700 hover:underline"
              >
                {path.title}
              </Link>
              <p className="mt-1 text-sm text-slate-600">
                {path.topic} · {path.level} · created{" "}
                <time dateTime={path.createdAt.toISOString()}>
                  {path.createdAt.toLocaleDateString("en")}
                </time>
                {" · "}
                <span data-testid="path-completion">{path.completion}% complete</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
