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

/**
 * What screen readers hear: each milestone title while the curriculum arrives, else the
 * stage or the failure. One short line at a time, not every percent.
 */
function announcementOf(state: Props["state"]): string {
  if (state.status === "error") return `Error: ${state.error}`;
  const latest = state.milestones.at(-1);
  if (state.stage === "curriculum" && latest) {
    return `Milestone ${state.milestones.length}: ${latest.title}`;
  }
  return STAGE_NAMES[state.stage];
}

/** The bar, the latest message and the percentage; screen readers hear what arrives. */
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
          className={
            failed
              ? "font-medium text-red-700 dark:text-red-300"
              : "text-slate-700 dark:text-slate-200"
          }
        >
          {state.message}
        </p>
        {!refused && (
          <span
            className="tabular-nums text-slate-500 dark:text-slate-400"
            data-testid="progress-value"
          >
            {state.progress}%
          </span>
        )}
      </div>
      <p className="sr-only" aria-live="polite" data-testid="progress-announcement">
        {announcementOf(state)}
      </p>
    </div>
  );
}
