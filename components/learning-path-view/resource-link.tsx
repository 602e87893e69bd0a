import type { ReactNode } from "react";
import type { Resource } from "@/lib/learning-path/path-schema";

/** One resource of a milestone: a link out, its kind, and whether it costs money. */
export function ResourceLink({ resource, control }: { resource: Resource; control?: ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 dark:border-slate-700 p-3 break-inside-avoid">
      <div className="flex flex-wrap items-center gap-2">
        {control}
        <a
          href={resource.url}
          target="_blank"
          rel="noopener noreferrer"
          className="font-medium text-violet-700 dark:text-violet-300 underline-offset-2 hover:underline"
        >
          {resource.title}
        </a>
        <span className="rounded bg-slate-100 dark:bg-slate-800 px-1.5 py-0.5 text-xs text-slate-600 dark:text-slate-300">
          {resource.type}
        </span>
        <span
          className={`rounded px-1.5 py-0.5 text-xs ${resource.free ? "bg-emerald-100 dark:bg-emerald-900/50 text-emerald-800 dark:text-emerald-200" : "bg-amber-100 dark:bg-amber-900/50 text-amber-800 dark:text-amber-200"}`}
        >
          {resource.free ? "Free" : "Paid"}
        </span>
      </div>
      {resource.description && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{resource.description}</p>
      )}
    </li>
  );
}
