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
import type { GenerationEvent } from "@/lib/sse/events";
import { readGenerationStream } from "@/lib/sse/read";
import { applyEvent, failedState, type GenerationState, IDLE, STARTING } from "./generation-state";

type Callbacks = {
  onFinished: (result: GeneratedPath) => void;
  onRemaining?: (remaining: number | null) => void;
};

/** The request made when real-time progress is off: no dialog, only a busy button. */
export type PlainRequestState = { pending: boolean; error: string | null };

const NO_PLAIN_REQUEST: PlainRequestState = { pending: false, error: null };

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

/** A streamed generation, its progress shown in the dialog; `stop` cancels its job. */
function useStreamedGeneration({ onFinished, onRemaining }: Callbacks) {
  const [state, setState] = useState<GenerationState>(IDLE);
  const jobRef = useRef<GenerationJob | null>(null);
  const run = useCallback(
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
  const stop = useCallback(() => {
    if (jobRef.current) cancelGeneration(jobRef.current);
    jobRef.current = null;
    setState(IDLE);
  }, []);
  return { state, run, stop };
}

/** A generation in one plain request: the button waits, a failure shows under the form. */
function usePlainGeneration({ onFinished, onRemaining }: Callbacks) {
  const [state, setState] = useState(NO_PLAIN_REQUEST);
  const run = useCallback(
    async (request: LearningPathRequest, signal: AbortSignal) => {
      setState({ pending: true, error: null });
      try {
        onFinished(await generateLearningPath(request, { signal, onRemaining }));
        setState(NO_PLAIN_REQUEST);
      } catch (error) {
        if (signal.aborted) return;
        setState({ pending: false, error: messageOf(error) });
      }
    },
    [onFinished, onRemaining],
  );
  const clearError = useCallback(() => setState((current) => ({ ...current, error: null })), []);
  return { state, run, clearError };
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
  const streamed = useStreamedGeneration({ onFinished, onRemaining });
  const plain = usePlainGeneration({ onFinished, onRemaining });
  const controllerRef = useRef<AbortController | null>(null);

  const start = useCallback(
    async (request: LearningPathRequest, { live }: { live: boolean }) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      try {
        await (live ? streamed.run : plain.run)(request, controller.signal);
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    [streamed.run, plain.run],
  );

  const { stop } = streamed;
  const cancel = useCallback(() => {
    stop();
    controllerRef.current?.abort();
    controllerRef.current = null;
  }, [stop]);

  // Leaving the page only closes the connection: the job goes on (a signed-in user's
  // path is saved; a guest's job stops once nobody has read it for 30 s).
  useEffect(() => () => controllerRef.current?.abort(), []);

  return {
    state: streamed.state,
    plainRequest: plain.state,
    start,
    cancel,
    clearRequestError: plain.clearError,
  };
}
