import { ProgressBar } from "@/components/ui/progress-bar";
import { type GenerationState, refusedBeforeStart } from "../generation-state";

type Props = { state: Exclude<GenerationState, { status: "idle" }> };

const STAGE_NAMES = {
  analyzing: "Analyzing your topic",
  curriculum: "Building the curriculum",
  resources: "Finding resources",
  insights: "Adding career insights",
  finalizing: "Finalizing",
  complete: "Complete",
} as const;

/** The bar, the latest message and the percentage; screen readers hear stage changes. */
export function ProgressReadout({ state }: Props) {
  const failed = state.status === "error";
  const refused = refusedBeforeStart(state);
  return (
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
  );
}
