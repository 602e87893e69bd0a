import type { ReactNode } from "react";
import type { Resource } from "@/lib/learning-path/path-schema";

/** One resource of a milestone: a link out, its kind, and whether it costs money. */
export function ResourceLink({ resource, control }: { resource: Resource; control?: ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-2">
        {control}
        <a
          href={resource.url}
          target="_blank"
          rel="noopener noreferrer"
          className="font-medium text-violet-700 underline-offset-2 hover:underline"
        >
          {resource.title}
        </a>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
          {resource.type}
        </span>
        <span
          className={`rounded px-1.5 py-0.5 text-xs ${resource.free ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800"}`}
        >
          {resource.free ? "Free" : "Paid"}
        </span>
      </div>
      {resource.description && (
        <p className="mt-1 text-sm text-slate-600">{resource.description}</p>
      )}
    </li>
  );
}
