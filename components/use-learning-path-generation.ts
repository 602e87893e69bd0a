"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  type GeneratedPath,
  type GenerationJob,
  generateLearningPath,
  openGenerationStream,
} from "@/lib/browser-api";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import {
  type GenerationSource,
  messageOf,
  useGenerationJob,
  useRecount,
} from "./use-generation-job";

type Callbacks = {
  onFinished: (result: GeneratedPath) => void;
  onRemaining?: (remaining: number | null) => void;
};

/** The request made when real-time progress is off: no dialog, only a busy button. */
export type PlainRequestState = { pending: boolean; error: string | null };

const NO_PLAIN_REQUEST: PlainRequestState = { pending: false, error: null };

/** A generation in one plain request: the button waits, a failure shows under the form. */
function usePlainGeneration({ onFinished, onRemaining }: Callbacks) {
  const [state, setState] = useState(NO_PLAIN_REQUEST);
  const recount = useRecount(onRemaining);
  const controllerRef = useRef<AbortController | null>(null);
  const run = useCallback(
    async (request: LearningPathRequest) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const { signal } = controller;
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
  useEffect(() => () => controllerRef.current?.abort(), []);
  const clearError = useCallback(() => setState((current) => ({ ...current, error: null })), []);
  return { state, run, clearError };
}

/**
 * Generates a new path from the home form, streamed (progress in a dialog, followed by
 * useGenerationJob) or in one plain request, or follows one already running (`resume`).
 */
export function useLearningPathGeneration(
  onFinished: (result: GeneratedPath) => void,
  onRemaining?: (remaining: number | null) => void,
) {
  const job = useGenerationJob({ onFinished, onRemaining });
  const plain = usePlainGeneration({ onFinished, onRemaining });
  const { start: startJob } = job;

  const start = useCallback(
    (request: LearningPathRequest, { live }: { live: boolean }) =>
      live
        ? startJob({ request, open: (call) => openGenerationStream(request, call) })
        : plain.run(request),
    [startJob, plain.run],
  );

  const resume = useCallback(
    (source: Extract<GenerationSource, { job: GenerationJob }>) => startJob(source),
    [startJob],
  );

  return {
    state: job.state,
    plainRequest: plain.state,
    start,
    resume,
    retry: job.retry,
    cancel: job.cancel,
    clearRequestError: plain.clearError,
  };
}
