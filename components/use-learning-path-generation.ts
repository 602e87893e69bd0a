"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type { GenerationEvent, Stage } from "@/lib/sse/events";
import { readGenerationStream } from "@/lib/sse/read";
import { describeWait } from "./generations-left";

export const CONNECTION_LOST = "Connection lost. Please try again.";

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

type Finished = { path: LearningPath; redirectUrl: string };

type ActiveState = Exclude<GenerationState, { status: "idle" }>;

const STARTING: ActiveState = {
  status: "running",
  progress: 0,
  message: "Starting...",
  stage: "analyzing",
  milestones: [],
};

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

/**
 * Generations left today after this request, from the quota header (null: not told).
 * A refused request (429) means none are left now.
 */
export function remainingFrom(response: Response): number | null {
  if (response.status === 429) return 0;
  const header = response.headers.get("X-Generations-Remaining");
  return header === null ? null : Number(header);
}

/** The user-safe message of a JSON error response, with the wait a 429 asks for. */
export async function errorMessageFrom(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: string;
    retry_after_seconds?: number;
  } | null;
  if (!body?.error) return CONNECTION_LOST;
  if (response.status === 429 && body.retry_after_seconds) {
    return `${body.error} Try again in ${describeWait(body.retry_after_seconds)}.`;
  }
  return body.error;
}

/** The running job: its id and, for a guest, the token that proves it is theirs. */
type Job = { id: string; resumeToken?: string };

/** Stops the job on the server (the model call with it); survives the page going away. */
function cancelJob(job: Job): void {
  const headers: Record<string, string> = {};
  if (job.resumeToken) headers["X-Resume-Token"] = job.resumeToken;
  void fetch(`/api/generations/${encodeURIComponent(job.id)}/cancel`, {
    method: "POST",
    headers,
    keepalive: true,
  }).catch(() => {});
}

/**
 * Streams a generation from the SSE endpoint. The generation is a job on the server:
 * a lost connection does not stop it, `cancel` does (it tells the server, then closes
 * the connection).
 */
export function useLearningPathGeneration(
  onFinished: (result: Finished) => void,
  onRemaining?: (remaining: number | null) => void,
) {
  const [state, setState] = useState<GenerationState>({ status: "idle" });
  const controllerRef = useRef<AbortController | null>(null);
  const jobRef = useRef<Job | null>(null);

  const fail = useCallback((message: string, refused = false) => {
    setState((current) => ({
      ...(current.status === "idle" ? STARTING : current),
      status: "error",
      message,
      error: message,
      refused,
    }));
  }, []);

  const start = useCallback(
    async (request: LearningPathRequest) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setState(STARTING);
      let finished: Finished | undefined;
      let failed = false;
      try {
        const response = await fetch("/api/generate/stream", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify(request),
          signal: controller.signal,
        });
        onRemaining?.(remainingFrom(response));
        if (!response.ok || !response.body) {
          fail(await errorMessageFrom(response), !response.ok);
          return;
        }
        const jobId = response.headers.get("X-Generation-Id");
        if (jobId) jobRef.current = { id: jobId };
        await readGenerationStream(response.body, (event) => {
          if (jobRef.current && event.type === "progress" && event.resumeToken) {
            jobRef.current.resumeToken = event.resumeToken;
          }
          setState((current) => applyEvent(current, event));
          if (event.type === "done")
            finished = { path: event.path, redirectUrl: event.redirect_url };
          if (event.type === "error") failed = true;
        });
      } catch {
        if (controller.signal.aborted) return;
        fail(CONNECTION_LOST);
        return;
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
      if (finished) onFinished(finished);
      else if (!failed) fail(CONNECTION_LOST);
    },
    [fail, onFinished, onRemaining],
  );

  const cancel = useCallback(() => {
    if (jobRef.current) cancelJob(jobRef.current);
    jobRef.current = null;
    controllerRef.current?.abort();
    controllerRef.current = null;
    setState({ status: "idle" });
  }, []);

  // Leaving the page only closes the connection: the job goes on (a signed-in user's
  // path is saved; a guest's job stops once nobody has read it for 30 s).
  useEffect(() => () => controllerRef.current?.abort(), []);

  return { state, start, cancel };
}
