import type { GenerationEvent, Stage } from "@/lib/sse/events";

// What the progress dialog shows of a streamed generation, and how each server event
// moves it on.

export type GenerationState =
  | { status: "idle" }
  | {
      status: "running" | "done" | "error";
      progress: number;
      message: string;
      stage: Stage;
      milestones: string[];
      error?: string;
      /** The server refused before any stream started (a quota, bad input): nothing ran. */
      refused?: boolean;
    };

type ActiveState = Exclude<GenerationState, { status: "idle" }>;

export const IDLE: GenerationState = { status: "idle" };

export const STARTING: ActiveState = {
  status: "running",
  progress: 0,
  message: "Starting...",
  stage: "analyzing",
  milestones: [],
};

/** Applies one server event to the dialog state; progress never moves backwards. */
export function applyEvent(state: GenerationState, event: GenerationEvent): GenerationState {
  const base = state.status === "idle" ? STARTING : state;
  const progress = Math.max(base.progress, event.progress);
  if (event.type === "error") {
    return {
      ...base,
      status: "error",
      progress,
      message: event.error,
      stage: event.stage,
      error: event.error,
    };
  }
  const milestones =
    event.type === "progress" && event.milestone
      ? [...base.milestones, event.milestone.title]
      : base.milestones;
  return {
    ...base,
    status: event.type === "done" ? "done" : "running",
    progress,
    message: event.message,
    stage: event.stage,
    milestones,
  };
}

/** The generation failed with `message`; `refused` when the server said no before starting. */
export function failedState(
  state: GenerationState,
  message: string,
  refused: boolean,
): GenerationState {
  return {
    ...(state.status === "idle" ? STARTING : state),
    status: "error",
    message,
    error: message,
    refused,
  };
}

/** Refused before anything ran: there is no progress to show, only the reason. */
export function refusedBeforeStart(state: GenerationState): boolean {
  return state.status === "error" && state.refused === true;
}
