"use client";

import { useEffect, useRef } from "react";
import { describeChange } from "./describe-change";
import type { ChangeNotice as Notice } from "./use-path-adaptation";

type Props = {
  notice: Notice;
  undoing: boolean;
  onUndo: () => void;
  onDismiss: () => void;
};

/**
 * Said after a regenerate, a re-plan or an undo: what changed, with Undo. It takes focus
 * when it appears (the progress dialog has just closed), and it is a status region so a
 * screen reader reads it out too.
 */
export function ChangeNotice({ notice, undoing, onUndo, onDismiss }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for each new change
  useEffect(() => {
    ref.current?.focus();
  }, [notice.versionId, notice.summary]);

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      data-testid="change-notice"
      className="mb-6 rounded-2xl bg-emerald-50 p-4 text-emerald-950 ring-1 ring-emerald-200 outline-none focus-visible:ring-2 focus-visible:ring-violet-600 dark:bg-emerald-950/40 dark:text-emerald-50 dark:ring-emerald-800 print:hidden"
    >
      <p className="font-semibold" data-testid="change-summary">
        {notice.summary}
      </p>
      {notice.changes.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="change-list">
          {notice.changes.map((change) => (
            <li key={`${change.milestone}-${change.field}-${change.before}-${change.after}`}>
              {describeChange(change)}
            </li>
          ))}
        </ul>
      )}
      {notice.error && (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-200">
          {notice.error}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onUndo}
          disabled={undoing}
          data-testid="undo-change"
          className="rounded-lg bg-violet-700 px-3 py-2 text-sm font-semibold text-white hover:bg-violet-800 disabled:opacity-60"
        >
          {undoing ? "Undoing…" : "Undo"}
        </button>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-lg border border-emerald-300 px-3 py-2 text-sm font-medium hover:bg-emerald-100 dark:border-emerald-700 dark:hover:bg-emerald-900"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
