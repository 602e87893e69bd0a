"use client";

import Link from "next/link";
import { useState } from "react";
import { changeSavedPath } from "@/lib/browser-api";
import type { SavedPathListing } from "@/lib/learning-path/saved-path-summary";
import { PathActions } from "./saved-path-item/path-actions";
import { PathPace } from "./saved-path-item/path-pace";
import { RenameForm } from "./saved-path-item/rename-form";
import { useSavedPathChange } from "./saved-path-item/use-saved-path-change";
import { ProgressRing } from "./ui/progress-ring";

/** One saved path on the dashboard, with rename, archive / unarchive and delete. */
export function SavedPathItem({ path }: { path: SavedPathListing }) {
  const [renaming, setRenaming] = useState(false);
  const { error, run } = useSavedPathChange();

  async function rename(title: string) {
    if (await run(() => changeSavedPath(path.id, { title }))) setRenaming(false);
  }

  return (
    <li
      className="rounded-xl bg-white dark:bg-slate-900 p-4 shadow-sm ring-1 ring-slate-200 dark:ring-slate-700"
      data-testid="saved-path"
    >
      {renaming ? (
        <RenameForm
          id={path.id}
          title={path.title}
          onRename={rename}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <Link
          href={`/paths/${path.id}`}
          className="text-lg font-semibold text-violet-700 dark:text-violet-300 hover:underline"
        >
          {path.title}
        </Link>
      )}
      <div className="mt-1 flex items-center gap-3">
        <ProgressRing value={path.completion} />
        <div className="text-sm text-slate-600 dark:text-slate-300">
          <p>
            {path.topic} · {path.level} · created{" "}
            <time dateTime={path.createdAt}>
              {new Date(path.createdAt).toLocaleDateString("en")}
            </time>
            {" · "}
            <span data-testid="path-completion">{path.completion}% complete</span>
          </p>
          <PathPace standing={path.standing} />
        </div>
      </div>
      <PathActions path={path} renaming={renaming} onRename={() => setRenaming(true)} run={run} />
      {error && (
        <p role="status" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </li>
  );
}
