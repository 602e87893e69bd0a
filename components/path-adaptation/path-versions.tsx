import type { PathVersion } from "@/lib/browser-api";

const when = (iso: string) =>
  `${new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  })} UTC`;

/**
 * Every version this path has had, newest first: each regenerate, re-plan and undo keeps
 * the one before it. Null while the list is on its way.
 */
export function PathVersions({ versions }: { versions: PathVersion[] | null }) {
  return (
    <section
      aria-labelledby="versions-heading"
      className="mt-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700 print:hidden"
    >
      <h2 id="versions-heading" className="text-xl font-semibold">
        Versions
      </h2>
      {versions === null || versions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {versions === null
            ? "Loading versions…"
            : "Each change you make keeps the version before it here."}
        </p>
      ) : (
        <ol className="mt-3 space-y-2" data-testid="path-versions">
          {versions.map((version) => (
            <li
              key={version.id}
              data-testid="path-version"
              aria-current={version.current ? "true" : undefined}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-l-4 border-slate-200 pl-3 dark:border-slate-700"
            >
              <span className="font-medium">Version {version.number}</span>
              <span className="text-slate-700 dark:text-slate-200">{version.change.summary}</span>
              <time
                dateTime={version.createdAt}
                className="text-sm text-slate-600 dark:text-slate-300"
              >
                {when(version.createdAt)}
              </time>
              {version.current && (
                <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900 dark:bg-violet-900 dark:text-violet-100">
                  Current
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
