"use client";

import { useEffect, useRef } from "react";
import { Spinner } from "@/components/ui/spinner";
import { ProgressReadout } from "./generation-progress-dialog/progress-readout";
import { StreamedMilestones } from "./generation-progress-dialog/streamed-milestones";
import { type GenerationState, refusedBeforeStart } from "./generation-state";

type Props = { state: GenerationState; onCancel: () => void };

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

  const refused = refusedBeforeStart(state);
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
      <ProgressReadout state={state} />
      <StreamedMilestones titles={state.milestones} />
      <div className="mt-6 flex justify-end">
        <button
          type="button"
          onClick={onCancel}
          data-testid="cancel-generation"
          className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-to"
        >
          {state.status === "error" ? "Close" : "Cancel"}
        </button>
      </div>
    </dialog>
  );
}
