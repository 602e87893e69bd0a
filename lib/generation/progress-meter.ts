import type { ProgressEvent, Stage } from "@/lib/sse/events";

// Turns finished work into the bar's percentage. Each stage owns a share of the bar:
// it starts at the stage's start and fills up to the next stage's start as its pieces
// (milestones) arrive. The figure never goes down and stays below 100 until done.

/** Where each stage's share of the bar starts; a stage fills up to the next one's start. */
const STAGE_START: Record<Stage, number> = {
  analyzing: 0,
  curriculum: 5,
  resources: 55,
  insights: 80,
  finalizing: 92,
  complete: 100,
};

export const STAGE_MESSAGES: Record<Stage, string> = {
  analyzing: "Analyzing your topic...",
  curriculum: "Building curriculum structure...",
  resources: "Finding the best learning resources...",
  insights: "Adding career insights...",
  finalizing: "Finalizing your learning path...",
  complete: "Complete!",
};

function nextStageStart(stage: Stage): number {
  const order = Object.keys(STAGE_START) as Stage[];
  const next = order[order.indexOf(stage) + 1];
  return next ? STAGE_START[next] : 100;
}

export class ProgressMeter {
  stage: Stage = "analyzing";
  progress = 0;

  /** A progress event at `value` percent (never lower than the last one). */
  report(
    value: number,
    details: Pick<ProgressEvent, "milestone" | "resources"> = {},
  ): ProgressEvent {
    this.progress = Math.max(this.progress, Math.min(99, Math.round(value)));
    const { stage, progress } = this;
    return { type: "progress", stage, progress, message: STAGE_MESSAGES[stage], ...details };
  }

  /** Moves to `stage`: the bar jumps to where that stage starts. */
  enter(stage: Stage): ProgressEvent {
    this.stage = stage;
    return this.report(STAGE_START[stage]);
  }

  /** Progress inside the current stage: `done` of `expected` pieces finished. */
  within(
    done: number,
    expected: number,
    details: Pick<ProgressEvent, "milestone" | "resources"> = {},
  ): ProgressEvent {
    const start = STAGE_START[this.stage];
    const share = ((nextStageStart(this.stage) - start) * Math.min(done, expected)) / expected;
    // A milestone frame stays a point below the stage's end: entering the next stage
    // still moves the bar.
    return this.report(start + share - (details.milestone ? 1 : 0), details);
  }
}
