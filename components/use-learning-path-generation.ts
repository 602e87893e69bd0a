"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  BrowserApiError,
  CONNECTION_LOST,
  cancelGeneration,
  type GeneratedPath,
  type GenerationJob,
  generateLearningPath,
  openGenerationStream,
} from "@/lib/browser-api";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type { GenerationEvent, Stage } from "@/lib/sse/events";
import { readGenerationStream } from "@/lib/sse/read";

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

/** The request made when real-time progress is off: no dialog, only a busy button. */
export type PlainRequestState = { pending: boolean; error: string | null };

type ActiveState = Exclude<GenerationState, { status: "idle" }>;

const STARTING: ActiveState = {
  status: "running",
  progress: 0,
  message: "Starting...",
  stage: "analyzing",
  milestones: [],
};

const NO_PLAIN_REQUEST: PlainRequestState = { pending: false, error: null };

/** Applies one server event to the dialog state; progress never moves backwards. */
function applyEvent(state: GenerationState, event: GenerationEvent): GenerationState {
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

function failedState(state: GenerationState, message: string, refused: boolean): GenerationState {
  return {
    ...(state.status === "idle" ? STARTING : state),
    status: "error",
    message,
    error: message,
    refused,
  };
}

/** What a failed call shows: the server's own message, or a lost connection. */
const messageOf = (error: unknown) =>
  error instanceof BrowserApiError ? error.message : CONNECTION_LOST;

/**
 * Streams a generation, handing each event to `onEvent` and noting the job in `job` so
 * Cancel can stop it. Resolves with the finished path, "failed" when the stream ended in
 * an error event (already shown), or undefined when it ended with neither.
 */
async function followGeneration(
  request: LearningPathRequest,
  call: { signal: AbortSignal; onRemaining?: (remaining: number | null) => void },
  job: { current: GenerationJob | null },
  onEvent: (event: GenerationEvent) => void,
): Promise<GeneratedPath | "failed" | undefined> {
  const { body, jobId } = await openGenerationStream(request, call);
  if (jobId) job.current = { id: jobId };
  let finished: GeneratedPath | undefined;
  let failed = false;
  await readGenerationStream(body, (event) => {
    if (job.current && event.type === "progress" && event.resumeToken) {
      job.current.resumeToken = event.resumeToken;
    }
    onEvent(event);
    if (event.type === "done") finished = { path: event.path, redirectUrl: event.redirect_url };
    if (event.type === "error") failed = true;
  });
  return finished ?? (failed ? "failed" : undefined);
}

/**
 * Generates a path, streamed (progress in a dialog) or in one plain request. The
 * generation is a job on the server: a lost connection does not stop it, `cancel` does
 * (it tells the server, then closes the connection).
 */
export function useLearningPathGeneration(
  onFinished: (result: GeneratedPath) => void,
  onRemaining?: (remaining: number | null) => void,
) {
  const [state, setState] = useState<GenerationState>({ status: "idle" });
  const [plainRequest, setPlainRequest] = useState(NO_PLAIN_REQUEST);
  const controllerRef = useRef<AbortController | null>(null);
  const jobRef = useRef<GenerationJob | null>(null);

  const stream = useCallback(
    async (request: LearningPathRequest, signal: AbortSignal) => {
      setState(STARTING);
      const fail = (message: string, refused = false) =>
        setState((current) => failedState(current, message, refused));
      try {
        const outcome = await followGeneration(request, { signal, onRemaining }, jobRef, (event) =>
          setState((current) => applyEvent(current, event)),
        );
        if (outcome === undefined) fail(CONNECTION_LOST);
        else if (outcome !== "failed") onFinished(outcome);
      } catch (error) {
        if (signal.aborted) return;
        // Refused: the server answered no before any stream started, so nothing ran.
        fail(messageOf(error), error instanceof BrowserApiError && error.answeredByServer);
      }
    },
    [onFinished, onRemaining],
  );

  const requestPlain = useCallback(
    async (request: LearningPathRequest, signal: AbortSignal) => {
      setPlainRequest({ pending: true, error: null });
      try {
        onFinished(await generateLearningPath(request, { signal, onRemaining }));
        setPlainRequest(NO_PLAIN_REQUEST);
      } catch (error) {
        if (signal.aborted) return;
        setPlainRequest({ pending: false, error: messageOf(error) });
      }
    },
    [onFinished, onRemaining],
  );

  const start = useCallback(
    async (request: LearningPathRequest, { live }: { live: boolean }) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      try {
        await (live ? stream : requestPlain)(request, controller.signal);
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    [stream, requestPlain],
  );

  const cancel = useCallback(() => {
    if (jobRef.current) cancelGeneration(jobRef.current);
    jobRef.current = null;
    controllerRef.current?.abort();
    controllerRef.current = null;
    setState({ status: "idle" });
  }, []);

  const clearRequestError = useCallback(
    () => setPlainRequest((current) => ({ ...current, error: null })),
    [],
  );

  // Leaving the page only closes the connection: the job goes on (a signed-in user's
  // path is saved; a guest's job stops once nobody has read it for 30 s).
  useEffect(() => () => controllerRef.current?.abort(), []);

  return { state, plainRequest, start, cancel, clearRequestError };
}
