import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RunningGenerations } from "@/components/running-generations";
import { SavedPathItem } from "@/components/saved-path-item";
import { auth } from "@/lib/auth";
import { listLearningPathsForUser, listRunningJobsForUser } from "@/lib/db";
import type { SavedPathListing } from "@/lib/learning-path/saved-path-summary";

export const metadata: Metadata = { title: "My paths · AI Learning Path Generator" };

export default async function MyPathsPage() {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/sign-in?callbackUrl=/paths");
  const [saved, running] = await Promise.all([
    listLearningPathsForUser(userId),
    listRunningJobsForUser(userId),
  ]);
  const paths = saved.map(
    (path): SavedPathListing => ({
      ...path,
      createdAt: path.createdAt.toISOString(),
    }),
  );
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">My learning paths</h1>
        <Link
          href="/"
          data-testid="new-path"
          className="rounded-xl bg-violet-700 px-4 py-2 font-semibold text-white hover:bg-violet-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600"
        >
          New path
        </Link>
      </div>
      <RunningGenerations
        jobs={running.map((job) => ({ id: job.id, createdAt: job.createdAt.toISOString() }))}
      />
      {paths.length === 0 ? <NoSavedPaths /> : <SavedPathLists paths={paths} />}
    </div>
  );
}

/** The empty dashboard: a way to the form instead of an empty list. */
function NoSavedPaths() {
  return (
    <div
      className="mt-8 rounded-2xl bg-white dark:bg-slate-900 p-8 text-center shadow-sm ring-1 ring-slate-200 dark:ring-slate-700"
      data-testid="no-paths"
    >
      <p className="text-slate-600 dark:text-slate-300">You have no saved paths yet.</p>
      <Link
        href="/"
        className="mt-4 inline-block rounded-xl bg-gradient-to-r from-brand-from to-brand-to px-5 py-2.5 font-semibold text-slate-900"
      >
        Create your first learning path
      </Link>
    </div>
  );
}

/** The paths being followed, then the archived ones under their own heading. */
function SavedPathLists({ paths }: { paths: SavedPathListing[] }) {
  const active = paths.filter((path) => !path.archived);
  const archived = paths.filter((path) => path.archived);
  return (
    <>
      <ul className="mt-6 space-y-3" data-testid="saved-paths">
        {active.map((path) => (
          <SavedPathItem key={path.id} path={path} />
        ))}
      </ul>
      {archived.length > 0 && (
        <section className="mt-10" aria-labelledby="archived-heading">
          <h2
            id="archived-heading"
            className="text-xl font-semibold text-slate-600 dark:text-slate-300"
          >
            Archived
          </h2>
          <ul className="mt-3 space-y-3 opacity-80" data-testid="archived-paths">
            {archived.map((path) => (
              <SavedPathItem key={path.id} path={path} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
