"use client";

import { ChangeNotice } from "./change-notice";
import type { PathAdaptation } from "./use-path-adaptation";

/**
 * Above the path: what the last change did (with Undo), and Re-plan from here (never
 * disabled, so focus can come back to it when its dialogs close).
 */
export function AdaptationBar({ adaptation }: { adaptation: PathAdaptation }) {
  const { notice } = adaptation;
  return (
    <div className="mb-6 print:hidden">
      {notice && (
        <ChangeNotice
          notice={notice}
          undoing={adaptation.undoing}
          onUndo={() => void adaptation.undo()}
          onDismiss={adaptation.dismissNotice}
        />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => adaptation.ask({ kind: "replan" })}
          data-testid="replan-path"
          className="rounded-lg border border-violet-300 px-4 py-2 font-medium text-violet-800 hover:bg-violet-50 dark:border-violet-700 dark:text-violet-200 dark:hover:bg-violet-950"
        >
          Re-plan from here
        </button>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Less or more time from now on? Finished milestones stay.
        </p>
      </div>
    </div>
  );
}
