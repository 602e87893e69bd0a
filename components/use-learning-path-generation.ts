"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GenerationEvent, Stage } from "@/lib/generation/events";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { readGenerationStream } from "@/lib/sse/read-generation-stream";

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
 * Streams a generation from the SSE endpoint. `cancel` aborts the fetch, which closes
 * the connection; the server sees that and aborts the upstream model request.
 */
export function useLearningPathGeneration(onFinished: (result: Finished) => void) {
  const [state, setState] = useState<GenerationState>({ status: "idle" });
  const controllerRef = useRef<AbortController | null>(null);

  const fail = useCallback((message: string) => {
    setState((current) => ({
      ...(current.status === "idle" ? STARTING : current),
      status: "error",
      message,
      error: message,
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
        if (!response.ok || !response.body) {
          const body = (await response.json().catch(() => null)) as { error?: string } | null;
          fail(body?.error ?? CONNECTION_LOST);
          return;
        }
        await readGenerationStream(response.body, (event) => {
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
    [fail, onFinished],
  );

  const cancel = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setState({ status: "idle" });
  }, []);

  // Leaving the page cancels too, so a generation nobody will see stops costing tokens.
  useEffect(() => () => controllerRef.current?.abort(), []);

  return { state, start, cancel };
}
