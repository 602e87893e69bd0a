import type { ErrorCode } from "@/lib/errors";
import type { LearningPath } from "@/lib/learning-path/path-schema";

// The events the generation pipeline emits. Declared once: the server encodes them as
// SSE frames and the browser decodes the same shapes. Field names follow the earlier
// product's frames (progress, message, done, redirect_url, error) so old clients work.

export const STAGES = [
  "analyzing",
  "curriculum",
  "resources",
  "insights",
  "finalizing",
  "complete",
] as const;
export type Stage = (typeof STAGES)[number];

export type ProgressEvent = {
  type: "progress";
  stage: Stage;
  /** 0-100, never decreasing, earned by finished work. */
  progress: number;
  message: string;
  /** Set when a curriculum milestone has just arrived from the model. */
  milestone?: { index: number; title: string };
  /** Set in the resources stage when a milestone's resources have arrived: their titles. */
  resources?: { index: number; titles: string[] };
  /** On the first frame: the job's id, to resume or cancel it. */
  generationId?: string;
  /** On the first frame sent to a guest who started the job: proves it is theirs. */
  resumeToken?: string;
};

export type DoneEvent = {
  type: "done";
  stage: "complete";
  progress: 100;
  message: string;
  done: true;
  redirect_url: string;
  path: LearningPath;
};

export type FailureEvent = {
  type: "error";
  stage: Stage;
  progress: number;
  message: string;
  error: string;
  code: ErrorCode;
};

export type GenerationEvent = ProgressEvent | DoneEvent | FailureEvent;
