"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  BrowserApiError,
  CONNECTION_LOST,
  cancelGeneration,
  fetchGenerationsLeft,
  type GeneratedPath,
  type GenerationJob,
  type OpenGenerationStream,
  openGenerationStream,
  resumeGenerationStream,
} from "@/lib/browser-api";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import {
  applyEvent,
  failedState,
  type GenerationState,
  IDLE,
  reconnectingState,
  STARTING,
} from "./generation-state";
import { followJob } from "./use-learning-path-generation/follow-job";
import {
  forgetRunningGeneration,
  rememberRunningGeneration,
} from "./use-learning-path-generation/running-generation";

// Following one generation job in the progress dialog, whatever started it: a new path
// from the home form, or an adaptation of a saved path (regenerate a milestone, re-plan).
// The caller hands in how the job starts; reconnecting, resuming and Cancel are the same.

export type GenerationCallbacks = {
  onFinished: (result: GeneratedPath) => void;
  onRemaining?: (remaining: number | null) => void;
};

/**
 * What a streamed generation follows: a new job started by `open`, or a job already
 * running (after a reload, or watched from /paths). `request` is the home form's answers
 * when the job makes a new path: only such a job is kept in the tab's storage for a
 * reload to resume, and it can be started again from them.
 */
export type GenerationSource =
  | { open: OpenGenerationStream; request?: LearningPathRequest; job?: undefined }
  | { job: GenerationJob; request?: LearningPathRequest };

/** What a failed call shows: the server's own message, or a lost connection. */
export const messageOf = (error: unknown) =>
  error instanceof BrowserApiError ? error.message : CONNECTION_LOST;

/**
 * A cancelled or failed generation's ticket is given back just after its last frame, so
 * the count is asked for again a moment later too.
 */
const RECOUNT_AGAIN_MS = 1_500;

/** Asks the server how many generations are left today, now and once more shortly after. */
export function useRecount(onRemaining: GenerationCallbacks["onRemaining"]) {
  return useCallback(() => {
    if (!onRemaining) return;
    const ask = () =>
      fetchGenerationsLeft().then(
        (left) => onRemaining(left?.remaining ?? null),
        () => {},
      );
    void ask();
    setTimeout(ask, RECOUNT_AGAIN_MS);
  }, [onRemaining]);
}

/**
 * A streamed generation, its progress shown in the dialog. It reconnects by itself after
 * a drop, keeps the job in the tab's storage while it runs (so a reload can resume it),
 * and `stop` cancels the job.
 */
function useStreamedGeneration({ onFinished, onRemaining }: GenerationCallbacks) {
  const [state, setState] = useState<GenerationState>(IDLE);
  const jobRef = useRef<GenerationJob | null>(null);
  // Whether the job is the home form's, kept in the tab's storage for a reload: only then
  // is that storage cleared when it ends (an adaptation must not forget a new path's job).
  const storedRef = useRef(false);
  const recount = useRecount(onRemaining);

  const run = useCallback(
    async (source: GenerationSource, signal: AbortSignal) => {
      setState(STARTING);
      const fail = (message: string, refused = false) =>
        setState((current) => failedState(current, message, refused));
      const { request } = source;
      jobRef.current = source.job ?? null;
      storedRef.current = source.job !== undefined || request !== undefined;
      let first: ReadableStream<Uint8Array>;
      try {
        if (source.job) {
          // From the first frame: the replay rebuilds the same progress and milestones.
          first = await resumeGenerationStream(source.job, 0, { signal });
        } else {
          const opened = await source.open({ signal, onRemaining });
          first = opened.body;
          if (opened.jobId) jobRef.current = { id: opened.jobId };
        }
      } catch (error) {
        if (signal.aborted) return;
        if (source.job && error instanceof BrowserApiError && error.status === 404) {
          // Gone (finished over an hour ago) or not this tab's: nothing to show.
          if (storedRef.current) forgetRunningGeneration();
          jobRef.current = null;
          setState(IDLE);
          return;
        }
        // Refused: the server answered no before any stream started, so nothing ran.
        fail(messageOf(error), error instanceof BrowserApiError && error.answeredByServer);
        recount();
        return;
      }

      let outcome: Awaited<ReturnType<typeof followJob>>;
      try {
        outcome = await followJob({
          first,
          resume: (lastEventId) => {
            const job = jobRef.current;
            if (!job) throw new Error("no job to resume");
            return resumeGenerationStream(job, lastEventId, { signal });
          },
          canResume: () => jobRef.current !== null,
          onEvent: (event) => {
            if (event.type === "progress" && event.generationId) {
              const job = {
                id: jobRef.current?.id ?? event.generationId,
                resumeToken: event.resumeToken ?? jobRef.current?.resumeToken,
              };
              jobRef.current = job;
              if (request) rememberRunningGeneration({ job, request });
            }
            setState((current) => applyEvent(current, event));
          },
          onReconnecting: () => setState(reconnectingState),
          signal,
        });
      } catch {
        // Aborted: the page is being left (the job goes on and stays in the tab's
        // storage for a reload to resume) or Cancel has already tidied up.
        return;
      }
      if (storedRef.current) forgetRunningGeneration();
      jobRef.current = null;
      if (outcome === "lost") fail(CONNECTION_LOST);
      else if (outcome.type === "done") {
        onFinished({ path: outcome.path, redirectUrl: outcome.redirect_url });
      }
      recount();
    },
    [onFinished, onRemaining, recount],
  );

  const stop = useCallback(() => {
    const job = jobRef.current;
    jobRef.current = null;
    if (storedRef.current) forgetRunningGeneration();
    setState(IDLE);
    if (job) void cancelGeneration(job).then(recount);
  }, [recount]);

  return { state, run, stop };
}

/** How to start a job again from what started it; null when that is not known. */
function restartable(source: GenerationSource): GenerationSource | null {
  if (!source.job) return source;
  const { request } = source;
  if (!request) return null;
  return { request, open: (call) => openGenerationStream(request, call) };
}

/**
 * Follows one streamed generation job at a time in the progress dialog. The job is on the
 * server: a lost connection does not stop it, `cancel` does (it tells the server, then
 * closes the connection). `retry` starts the last job the same way again.
 */
export function useGenerationJob({ onFinished, onRemaining }: GenerationCallbacks) {
  const streamed = useStreamedGeneration({ onFinished, onRemaining });
  const controllerRef = useRef<AbortController | null>(null);
  const [last, setLast] = useState<GenerationSource | null>(null);

  const start = useCallback(
    async (source: GenerationSource) => {
      setLast(restartable(source));
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      try {
        await streamed.run(source, controller.signal);
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    [streamed.run],
  );

  const retry = useCallback(() => {
    if (last) void start(last);
  }, [last, start]);

  const { stop } = streamed;
  const cancel = useCallback(() => {
    stop();
    controllerRef.current?.abort();
    controllerRef.current = null;
  }, [stop]);

  // Leaving the page only closes the connection: the job goes on (a signed-in user's
  // path is saved; a guest's job stops once nobody has read it for 30 s).
  useEffect(() => () => controllerRef.current?.abort(), []);

  return { state: streamed.state, start, retry: last ? retry : undefined, cancel };
}
