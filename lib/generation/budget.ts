import type { StageLimits } from "@/lib/providers/types";
import type { Stage } from "@/lib/sse/events";

// How long the model may take. A serverless host stops the function at the route's
// maxDuration; the model's stages must end well before that, so the user always gets a
// clean error frame (and a signed-in user's path is saved) rather than a cut connection.

/**
 * The longest a generation may run, in seconds: the generation routes' `maxDuration`.
 * Next reads route config as literals, so the routes write 300 themselves; a test holds
 * them to this value.
 */
export const MAX_GENERATION_SECONDS = 300;

/** Kept back from maxDuration for saving the path and writing the last frames. */
const RESERVE_MS = 15_000;

/**
 * Each model stage may use at most this share of the whole budget (and never more than
 * is left of it), so one slow stage cannot starve the ones after it of all their time.
 */
const STAGE_SHARE: Partial<Record<Stage, number>> = {
  curriculum: 0.5,
  resources: 0.5,
  insights: 0.3,
};

export type GenerationBudget = { startedAt: number; totalMs: number };

/** The model's budget for a route whose platform limit is `maxDurationSeconds`. */
export function budgetFor(maxDurationSeconds: number, startedAt = Date.now()): GenerationBudget {
  const limitMs = maxDurationSeconds * 1000;
  return { startedAt, totalMs: Math.max(1_000, limitMs - Math.min(RESERVE_MS, limitMs * 0.1)) };
}

/** What the model calls of `stage` share: the generation's signal and the stage's deadline. */
export function stageLimits(
  budget: GenerationBudget,
  stage: Stage,
  signal: AbortSignal,
  now = Date.now(),
): StageLimits {
  const end = budget.startedAt + budget.totalMs;
  const share = (STAGE_SHARE[stage] ?? 1) * budget.totalMs;
  return { signal, deadline: Math.min(end, now + share) };
}
