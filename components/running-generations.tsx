import Link from "next/link";

type Props = { jobs: { id: string; createdAt: string }[] };

/**
 * The signed-in learner's generations still running (they run to the end without a
 * reader, and are saved): each can be watched again from the home page's dialog.
 */
export function RunningGenerations({ jobs }: Props) {
  if (jobs.length === 0) return null;
  return (
    <section className="mt-6" aria-labelledby="running-heading">
      <h2 id="running-heading" className="sr-only">
        Being generated
      </h2>
      <ul className="space-y-3" data-testid="running-generations">
        {jobs.map((job) => (
          <li
            key={job.id}
            data-testid="running-generation"
            className="flex items-center justify-between gap-4 rounded-2xl bg-white dark:bg-slate-900 p-4 shadow-sm ring-1 ring-slate-200 dark:ring-slate-700"
          >
            <span className="flex items-center gap-3">
              <span
                aria-hidden="true"
                className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-brand-to border-t-transparent motion-reduce:animate-none"
              />
              <span>
                <span className="block font-medium">Generating…</span>
                <span className="block text-sm text-slate-500 dark:text-slate-400">
                  Started{" "}
                  <time dateTime={job.createdAt}>
                    {new Date(job.createdAt).toLocaleTimeString("en-GB", {
                      hour: "2-digit",
                      minute: "2-digit",
                      timeZone: "UTC",
                    })}{" "}
                    UTC
                  </time>
                </span>
              </span>
            </span>
            <Link
              href={`/?watch=${encodeURIComponent(job.id)}`}
              data-testid="watch-generation"
              className="rounded-lg border border-slate-300 dark:border-slate-600 px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              Watch
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
