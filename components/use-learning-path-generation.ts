"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  BrowserApiError,
  CONNECTION_LOST,
  cancelGeneration,
  fetchGenerationsLeft,
  type GeneratedPath,
  type GenerationJob,
  generateLearningPath,
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

type Callbacks = {
  onFinished: (result: GeneratedPath) => void;
  onRemaining?: (remaining: number | null) => void;
};

/** The request made when real-time progress is off: no dialog, only a busy button. */
export type PlainRequestState = { pending: boolean; error: string | null };

const NO_PLAIN_REQUEST: PlainRequestState = { pending: false, error: null };

/**
 * What a streamed generation follows: a new job for `request`, or a job already running
 * (after a reload, or watched from /paths), with the inputs that started it when known.
 */
export type GenerationSource =
  | { request: LearningPathRequest; job?: undefined }
  | { job: GenerationJob; request?: LearningPathRequest };

/** What a failed call shows: the server's own message, or a lost connection. */
const messageOf = (error: unknown) =>
  error instanceof BrowserApiError ? error.message : CONNECTION_LOST;

/**
 * A cancelled or failed generation's ticket is given back just after its last frame, so
 * the count is asked for again a moment later too.
 */
const RECOUNT_AGAIN_MS = 1_500;

/** Asks the server how many generations are left today, now and once more shortly after. */
function useRecount(onRemaining: Callbacks["onRemaining"]) {
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
function useStreamedGeneration({ onFinished, onRemaining }: Callbacks) {
  const [state, setState] = useState<GenerationState>(IDLE);
  const jobRef = useRef<GenerationJob | null>(null);
  const recount = useRecount(onRemaining);

  const run = useCallback(
    async (source: GenerationSource, signal: AbortSignal) => {
      setState(STARTING);
      const fail = (message: string, refused = false) =>
        setState((current) => failedState(current, message, refused));
      const { request } = source;
      jobRef.current = source.job ?? null;
      let first: ReadableStream<Uint8Array>;
      try {
        if (source.job) {
          // From the first frame: the replay rebuilds the same progress and milestones.
          first = await resumeGenerationStream(source.job, 0, { signal });
        } else {
          const opened = await openGenerationStream(source.request, { signal, onRemaining });
          first = opened.body;
          if (opened.jobId) jobRef.current = { id: opened.jobId };
        }
      } catch (error) {
        if (signal.aborted) return;
        if (source.job && error instanceof BrowserApiError && error.status === 404) {
          // Gone (finished over an hour ago) or not this tab's: nothing to show.
          forgetRunningGeneration();
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
      forgetRunningGeneration();
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
    forgetRunningGeneration();
    setState(IDLE);
    if (job) void cancelGeneration(job).then(recount);
  }, [recount]);

  return { state, run, stop };
}

/** A generation in one plain request: the button waits, a failure shows under the form. */
function usePlainGeneration({ onFinished, onRemaining }: Callbacks) {
  const [state, setState] = useState(NO_PLAIN_REQUEST);
  const recount = useRecount(onRemaining);
  const run = useCallback(
    async (request: LearningPathRequest, signal: AbortSignal) => {
      setState({ pending: true, error: null });
      try {
        onFinished(await generateLearningPath(request, { signal, onRemaining }));
        setState(NO_PLAIN_REQUEST);
      } catch (error) {
        if (signal.aborted) return;
        setState({ pending: false, error: messageOf(error) });
        recount();
      }
    },
    [onFinished, onRemaining, recount],
  );
  const clearError = useCallback(() => setState((current) => ({ ...current, error: null })), []);
  return { state, run, clearError };
}

/**
 * Generates a path, streamed (progress in a dialog) or in one plain request, or follows
 * one already running (`resume`). The generation is a job on the server: a lost
 * connection does not stop it, `cancel` does (it tells the server, then closes the
 * connection). `retry` starts the last streamed request again.
 */
export function useLearningPathGeneration(
  onFinished: (result: GeneratedPath) => void,
  onRemaining?: (remaining: number | null) => void,
) {
  const streamed = useStreamedGeneration({ onFinished, onRemaining });
  const plain = usePlainGeneration({ onFinished, onRemaining });
  const controllerRef = useRef<AbortController | null>(null);
  const [lastRequest, setLastRequest] = useState<LearningPathRequest | null>(null);

  const follow = useCallback(async (go: (signal: AbortSignal) => Promise<void>) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    try {
      await go(controller.signal);
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }, []);

  const start = useCallback(
    (request: LearningPathRequest, { live }: { live: boolean }) => {
      if (live) setLastRequest(request);
      return follow((signal) =>
        live ? streamed.run({ request }, signal) : plain.run(request, signal),
      );
    },
    [follow, streamed.run, plain.run],
  );

  const resume = useCallback(
    (source: Extract<GenerationSource, { job: GenerationJob }>) => {
      setLastRequest(source.request ?? null);
      return follow((signal) => streamed.run(source, signal));
    },
    [follow, streamed.run],
  );

  const retry = useCallback(() => {
    if (lastRequest) void start(lastRequest, { live: true });
  }, [lastRequest, start]);

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
    resume,
    retry: lastRequest ? retry : undefined,
    cancel,
    clearRequestError: plain.clearError,
  };
}
