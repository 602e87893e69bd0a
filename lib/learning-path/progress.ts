import { z } from "zod";
import type { LearningPath } from "./path-schema";

// What a learner has ticked off in a saved path, and the one definition of "how complete"
// that the dashboard and the path page both use: the share of all checkable items
// (each milestone and each of its resources) that are done.

export const pathProgressSchema = z.object({
  milestones: z.array(z.number().int().min(0)).default([]),
  resources: z.array(z.string().regex(/^\d+:\d+$/)).default([]),
});
export type PathProgress = z.infer<typeof pathProgressSchema>;

export const progressChangeSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("milestone"),
    milestone: z.number().int().min(0),
    done: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal("resource"),
    milestone: z.number().int().min(0),
    resource: z.number().int().min(0),
    done: z.boolean(),
  }),
]);
export type ProgressChange = z.infer<typeof progressChangeSchema>;

export const resourceKey = (milestone: number, resource: number) => `${milestone}:${resource}`;

export function readProgress(value: unknown): PathProgress {
  const parsed = pathProgressSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { milestones: [], resources: [] };
}

/** Whether the change names an item that exists in this path. */
export function changeFitsPath(path: LearningPath, change: ProgressChange): boolean {
  const milestone = path.milestones[change.milestone];
  if (!milestone) return false;
  return change.kind === "milestone" || change.resource < milestone.resources.length;
}

export function applyProgressChange(progress: PathProgress, change: ProgressChange): PathProgress {
  if (change.kind === "milestone") {
    const others = progress.milestones.filter((index) => index !== change.milestone);
    return {
      ...progress,
      milestones: change.done ? [...others, change.milestone].sort((a, b) => a - b) : others,
    };
  }
  const key = resourceKey(change.milestone, change.resource);
  const others = progress.resources.filter((item) => item !== key);
  return { ...progress, resources: change.done ? [...others, key] : others };
}

export function completionPercent(path: LearningPath, progress: PathProgress): number {
  let total = 0;
  let done = 0;
  const milestonesDone = new Set(progress.milestones);
  const resourcesDone = new Set(progress.resources);
  path.milestones.forEach((milestone, m) => {
    total += 1;
    if (milestonesDone.has(m)) done += 1;
    milestone.resources.forEach((_, r) => {
      total += 1;
      if (resourcesDone.has(resourceKey(m, r))) done += 1;
    });
  });
  return total === 0 ? 0 : Math.round((100 * done) / total);
}
