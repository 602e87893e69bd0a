"use client";

import { useRef } from "react";
import { useModal, wrapFocus } from "@/components/ui/modal";
import { Spinner } from "@/components/ui/spinner";
import { ConnectionNotes } from "./generation-progress-dialog/connection-notes";
import { ProgressReadout } from "./generation-progress-dialog/progress-readout";
import { StreamedMilestones } from "./generation-progress-dialog/streamed-milestones";
import { type GenerationState, refusedBeforeStart } from "./generation-state";

type Props = {
  state: GenerationState;
  onCancel: () => void;
  /** Starts the same request again; absent when the inputs are not known (a watched job). */
  onRetry?: () => void;
  /** The heading while it runs, when it fails, and when it could not start. */
  headings?: DialogHeadings;
};

export type DialogHeadings = { running: string; failed: string; refused: string };

const NEW_PATH_HEADINGS: DialogHeadings = {
  running: "Generating your learning path",
  failed: "Your learning path could not be generated",
  refused: "Your learning path could not start",
};

const BUTTON =
  "rounded-lg px-4 py-2 font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-to";

function headingOf(
  state: Exclude<GenerationState, { status: "idle" }>,
  headings: DialogHeadings,
): string {
  if (refusedBeforeStart(state)) return headings.refused;
  if (state.status === "error") return headings.failed;
  return headings.running;
}

/**
 * The modal shown while a path is generated. A native <dialog> opened with showModal()
 * makes the rest of the page inert; Tab wraps around inside it; Escape cancels.
 */
export function GenerationProgressDialog({
  state,
  onCancel,
  onRetry,
  headings = NEW_PATH_HEADINGS,
}: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const open = state.status !== "idle";

  useModal(dialogRef, open);

  if (state.status === "idle") return <dialog ref={dialogRef} aria-hidden="true" />;

  const failed = state.status === "error";
  const canRetry = failed && !refusedBeforeStart(state) && onRetry;
  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby="generation-title"
      data-testid="progress-dialog"
      onKeyDown={wrapFocus}
      onCancel={(event) => {
        // Escape: close through our own handler so the fetch is aborted too.
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white dark:bg-slate-900 p-6 text-slate-900 dark:text-slate-100 shadow-2xl backdrop:bg-slate-900/60 backdrop:backdrop-blur-sm sm:p-8"
    >
      <div className="flex items-center gap-3">
        {state.status === "running" && <Spinner />}
        <h2 id="generation-title" className="text-xl font-semibold">
          {headingOf(state, headings)}
        </h2>
      </div>
      <ProgressReadout state={state} />
      <ConnectionNotes state={state} />
      <StreamedMilestones milestones={state.milestones} />
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button
          type="button"
          onClick={onCancel}
          data-testid="cancel-generation"
          className={`${BUTTON} border border-slate-300 dark:border-slate-600 hover:bg-slate-100 dark:hover:bg-slate-800`}
        >
          {failed ? "Close" : "Cancel"}
        </button>
        {canRetry && (
          <button
            type="button"
            onClick={onRetry}
            data-testid="retry-generation"
            className={`${BUTTON} bg-gradient-to-r from-brand-from to-brand-to text-slate-900 hover:brightness-105`}
          >
            Try again
          </button>
        )}
      </div>
    </dialog>
  );
}
