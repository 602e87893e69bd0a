"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { BrowserApiError, changeSavedPath, deleteSavedPath } from "@/lib/browser-api";
import type { SavedPathListing } from "@/lib/learning-path/saved-path-summary";

type Props = { path: SavedPathListing };

/** One saved path on the dashboard, with rename, archive / unarchive and delete. */
export function SavedPathItem({ path }: Props) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs one change; on success the dashboard reloads its list from the server. */
  async function send(change: () => Promise<void>) {
    setError(null);
    try {
      await change();
    } catch (failure) {
      // Without an answer from the server there is no message of its own to show.
      setError(
        failure instanceof BrowserApiError && failure.code !== "network"
          ? failure.message
          : "That did not work. Please try again.",
      );
      return false;
    }
    router.refresh();
    return true;
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    if (await send(() => changeSavedPath(path.id, { title }))) setRenaming(false);
  }

  return (
    <li
      className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="saved-path"
    >
      {renaming ? (
        <form onSubmit={rename} className="flex flex-wrap gap-2">
          <label htmlFor={`title-${path.id}`} className="sr-only">
            New name
          </label>
          <input
            id={`title-${path.id}`}
            name="title"
            defaultValue={path.title}
            maxLength={200}
            className="field max-w-md"
          />
          <button
            type="submit"
            className="rounded-lg bg-violet-600 px-3 py-1.5 text-sm font-medium text-white"
          >
            Save name
          </button>
          <button
            type="button"
            onClick={() => setRenaming(false)}
            className="rounded-lg px-3 py-1.5 text-sm"
          >
            Cancel
          </button>
        </form>
      ) : (
        <Link
          href={`/paths/${path.id}`}
          className="text-lg font-semibold text-violet-700 hover:underline"
        >
          {path.title}
        </Link>
      )}
      <p className="mt-1 text-sm text-slate-600">
        {path.topic} · {path.level} · created{" "}
        <time dateTime={path.createdAt}>{new Date(path.createdAt).toLocaleDateString("en")}</time>
        {" · "}
        <span data-testid="path-completion">{path.completion}% complete</span>
      </p>
      <div className="mt-2 flex flex-wrap gap-3 text-sm">
        {!renaming && (
          <button
            type="button"
            onClick={() => setRenaming(true)}
            className="font-medium text-slate-700 hover:underline"
          >
            Rename
          </button>
        )}
        <button
          type="button"
          onClick={() => send(() => changeSavedPath(path.id, { archived: !path.archived }))}
          className="font-medium text-slate-700 hover:underline"
        >
          {path.archived ? "Unarchive" : "Archive"}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(`Delete "${path.title}"? This cannot be undone.`))
              void send(() => deleteSavedPath(path.id));
          }}
          className="font-medium text-red-700 hover:underline"
        >
          Delete
        </button>
      </div>
      {error && (
        <p role="status" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
