"use client";

import { useEffect, useRef } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Spinner } from "@/components/ui/spinner";
import type { GenerationState } from "./generation-state";

type Props = { state: GenerationState; onCancel: () => void };

const STAGE_NAMES = {
  analyzing: "Analyzing your topic",
  curriculum: "Building the curriculum",
  resources: "Finding resources",
  insights: "Adding career insights",
  finalizing: "Finalizing",
  complete: "Complete",
} as const;

/**
 * The modal shown while a path is generated. A native <dialog> opened with showModal()
 * makes the rest of the page inert and keeps focus inside; Escape cancels.
 */
export function GenerationProgressDialog({ state, onCancel }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const open = state.status !== "idle";

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  if (state.status === "idle") return <dialog ref={dialogRef} aria-hidden="true" />;

  const failed = state.status === "error";
  // Refused before anything ran: no progress to show, only the reason.
  const refused = failed && state.refused === true;
  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby="generation-title"
      data-testid="progress-dialog"
      onCancel={(event) => {
        // Escape: close through our own handler so the fetch is aborted too.
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-slate-900 shadow-2xl backdrop:bg-slate-900/60 backdrop:backdrop-blur-sm sm:p-8"
    >
      <div className="flex items-center gap-3">
        {state.status === "running" && <Spinner />}
        <h2 id="generation-title" className="text-xl font-semibold">
          {refused ? "Your learning path could not start" : "Generating your learning path"}
        </h2>
      </div>
      <div className="mt-6">
        {!refused && (
          <ProgressBar value={state.progress} label="Generation progress" failed={failed} />
        )}
        <div className="mt-2 flex justify-between gap-4 text-sm">
          <p
            data-testid="progress-message"
            className={failed ? "font-medium text-red-700" : "text-slate-700"}
          >
            {state.message}
          </p>
          {!refused && (
            <span className="tabular-nums text-slate-500" data-testid="progress-value">
              {state.progress}%
            </span>
          )}
        </div>
        {/* Announce stage changes and outcomes, not every percent. */}
        <p className="sr-only" aria-live="polite" data-testid="progress-announcement">
          {failed ? `Error: ${state.error}` : STAGE_NAMES[state.stage]}
        </p>
      </div>
      {state.milestones.length > 0 && (
        <div className="mt-5">
          <h3 className="text-sm font-medium text-slate-600">Milestones so far</h3>
          <ol
            data-testid="streamed-milestones"
            className="mt-2 max-h-48 space-y-1 overflow-y-auto text-sm"
          >
            {state.milestones.map((title, index) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at its end, so the position is the identity
                key={`${index}-${title}`}
                className="animate-fade-in flex gap-2 motion-reduce:animate-none"
              >
                <span className="font-semibold text-brand-to">{index + 1}.</span>
                <span>{title}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="mt-6 flex justify-end">
        <button
          type="button"
          onClick={onCancel}
          data-testid="cancel-generation"
          className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-to"
        >
          {failed ? "Close" : "Cancel"}
        </button>
      </div>
    </dialog>
  );
}
