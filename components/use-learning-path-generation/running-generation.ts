import { z } from "zod/mini";
import type { GenerationJob } from "@/lib/browser-api";
import {
  type LearningPathRequest,
  learningPathRequestSchema,
} from "@/lib/learning-path/request-schema";

// The generation this tab is following, kept in the tab's sessionStorage while it runs:
// a reload, or Back then Forward, finds it and opens the dialog again by resuming the job
// (the form is filled in again from `request`). Cleared when the generation ends, is
// cancelled or fails. Nothing here is secret beyond the tab: the resume token only
// proves that this tab started the job.

export const RUNNING_GENERATION_KEY = "learning-path:running-generation";

export type RunningGeneration = { job: GenerationJob; request: LearningPathRequest };

const runningGenerationSchema = z.object({
  job: z.object({ id: z.string(), resumeToken: z.optional(z.string()) }),
  request: learningPathRequestSchema,
});

type TabStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const tabStorage = (): TabStorage | null =>
  typeof sessionStorage === "undefined" ? null : sessionStorage;

export function rememberRunningGeneration(
  running: RunningGeneration,
  storage = tabStorage(),
): void {
  try {
    storage?.setItem(RUNNING_GENERATION_KEY, JSON.stringify(running));
  } catch {
    // Storage full or disabled: the generation still runs, it just cannot be resumed.
  }
}

/** The generation this tab was following, if one is stored and still reads as one. */
export function recallRunningGeneration(storage = tabStorage()): RunningGeneration | null {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(RUNNING_GENERATION_KEY) ?? null;
  } catch {
    return null;
  }
  if (!stored) return null;
  try {
    const parsed = runningGenerationSchema.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: forgotten below.
  }
  forgetRunningGeneration(storage);
  return null;
}

export function forgetRunningGeneration(storage = tabStorage()): void {
  try {
    storage?.removeItem(RUNNING_GENERATION_KEY);
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}
