"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { changeSavedPath, deleteSavedPath } from "@/lib/browser-api";
import type { SavedPathListing } from "@/lib/learning-path/saved-path-summary";

type Props = {
  path: SavedPathListing;
  /** Hides Rename while the name is being edited. */
  renaming: boolean;
  onRename: () => void;
  run: (change: () => Promise<void>) => Promise<boolean>;
};

const ACTION = "font-medium text-slate-700 dark:text-slate-200 hover:underline";

/** Rename, archive / unarchive and delete for one saved path. */
export function PathActions({ path, renaming, onRename, run }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="mt-2 flex flex-wrap gap-3 text-sm">
      {!renaming && (
        <button type="button" onClick={onRename} className={ACTION}>
          Rename
        </button>
      )}
      <button
        type="button"
        onClick={() => run(() => changeSavedPath(path.id, { archived: !path.archived }))}
        className={ACTION}
      >
        {path.archived ? "Unarchive" : "Archive"}
      </button>
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="font-medium text-red-700 dark:text-red-300 hover:underline"
      >
        Delete
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Delete "${path.title}"?`}
        message="The path and its progress are deleted. This cannot be undone."
        confirmLabel="Delete"
        onConfirm={() => {
          setConfirming(false);
          void run(() => deleteSavedPath(path.id));
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
