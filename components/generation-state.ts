import type { GenerationEvent, Stage } from "@/lib/sse/events";

// What the progress dialog shows of a streamed generation, and how each server event
// moves it on.

/** A milestone as the dialog lists it: its title, then its resources once found. */
export type StreamedMilestone = { title: string; resources: string[] };

export type GenerationState =
  | { status: "idle" }
  | {
      status: "running" | "done" | "error";
      progress: number;
      message: string;
      stage: Stage;
      milestones: StreamedMilestone[];
      error?: string;
      /** The server refused before any stream started (a quota, bad input): nothing ran. */
      refused?: boolean;
      /** The connection dropped and is being opened again; cleared by the next frame. */
      reconnecting?: boolean;
    };

export type ActiveGenerationState = Exclude<GenerationState, { status: "idle" }>;

export const IDLE: GenerationState = { status: "idle" };

export const STARTING: ActiveGenerationState = {
  status: "running",
  progress: 0,
  message: "Starting...",
  stage: "analyzing",
  milestones: [],
};

/** The list with a milestone's resources filled in (a milestone not listed yet is added). */
function withResources(
  milestones: StreamedMilestone[],
  { index, titles }: { index: number; titles: string[] },
): StreamedMilestone[] {
  const next = [...milestones];
  while (next.length <= index) next.push({ title: `Milestone ${next.length + 1}`, resources: [] });
  const milestone = next[index];
  if (milestone) next[index] = { ...milestone, resources: titles };
  return next;
}

/**
 * Applies one server event to the dialog state; progress never moves backwards. A job
 * cancelled elsewhere (another tab's Cancel) closes the dialog quietly.
 */
export function applyEvent(state: GenerationState, event: GenerationEvent): GenerationState {
  const base = state.status === "idle" ? STARTING : state;
  const progress = Math.max(base.progress, event.progress);
  if (event.type === "error") {
    if (event.code === "cancelled") return IDLE;
    return {
      ...base,
      status: "error",
      progress,
      message: event.error,
      stage: event.stage,
      error: event.error,
      reconnecting: false,
    };
  }
  let milestones = base.milestones;
  if (event.type === "progress" && event.milestone) {
    milestones = [...milestones, { title: event.milestone.title, resources: [] }];
  }
  if (event.type === "progress" && event.resources) {
    milestones = withResources(milestones, event.resources);
  }
  return {
    ...base,
    status: event.type === "done" ? "done" : "running",
    progress,
    message: event.message,
    stage: event.stage,
    milestones,
    reconnecting: false,
  };
}

/** The connection dropped mid-stream and is being opened again. */
export function reconnectingState(state: GenerationState): GenerationState {
  return state.status === "running" ? { ...state, reconnecting: true } : state;
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
    reconnecting: false,
  };
}

/** Refused before anything ran: there is no progress to show, only the reason. */
export function refusedBeforeStart(state: GenerationState): boolean {
  return state.status === "error" && state.refused === true;
}
