import { z } from "zod";
import type { LearningPath } from "./path-schema";

// What a learner has ticked off in a saved path, and the one definition of "how complete"
// that the dashboard, the path page, the this-week panel and the timeline all use.

export const pathProgressSchema = z.object({
  milestones: z.array(z.number().int().min(0)).default([]),
  resources: z.array(z.string().regex(/^\d+:\d+$/)).default([]),
  /** Schedule weeks the learner has ticked (week numbers). */
  weeks: z.array(z.number().int().min(1)).default([]),
  /**
   * Resources ticked only because their milestone was ticked. Unticking the milestone
   * unticks these and leaves the ones the learner ticked themselves.
   */
  resourcesFromMilestone: z.array(z.string().regex(/^\d+:\d+$/)).default([]),
});
export type PathProgress = z.infer<typeof pathProgressSchema>;

export const NO_PROGRESS: PathProgress = {
  milestones: [],
  resources: [],
  weeks: [],
  resourcesFromMilestone: [],
};

const done = z.boolean();
const index = z.number().int().min(0);
export const progressChangeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("milestone"), milestone: index, done }),
  z.strictObject({ kind: z.literal("resource"), milestone: index, resource: index, done }),
  z.strictObject({ kind: z.literal("week"), week: z.number().int().min(1).max(1000), done }),
]);
export type ProgressChange = z.infer<typeof progressChangeSchema>;

export const resourceKey = (milestone: number, resource: number) => `${milestone}:${resource}`;

export function readProgress(value: unknown): PathProgress {
  const parsed = pathProgressSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : NO_PROGRESS;
}

/** Whether the change names an item that exists in this path. */
export function changeFitsPath(path: LearningPath, change: ProgressChange): boolean {
  if (change.kind === "week") return path.schedule.some((week) => week.week === change.week);
  const milestone = path.milestones[change.milestone];
  if (!milestone) return false;
  return change.kind === "milestone" || change.resource < milestone.resources.length;
}

const toggle = <T>(items: T[], item: T, on: boolean): T[] => {
  const others = items.filter((each) => each !== item);
  return on ? [...others, item] : others;
};

function applyMilestoneChange(
  path: LearningPath,
  progress: PathProgress,
  milestone: number,
  on: boolean,
): PathProgress {
  const keys = (path.milestones[milestone]?.resources ?? []).map((_, r) =>
    resourceKey(milestone, r),
  );
  const milestones = toggle(progress.milestones, milestone, on).sort((a, b) => a - b);
  if (on) {
    const added = keys.filter((key) => !progress.resources.includes(key));
    return {
      ...progress,
      milestones,
      resources: [...progress.resources, ...added],
      resourcesFromMilestone: [...progress.resourcesFromMilestone, ...added],
    };
  }
  const ours = new Set(keys.filter((key) => progress.resourcesFromMilestone.includes(key)));
  return {
    ...progress,
    milestones,
    resources: progress.resources.filter((key) => !ours.has(key)),
    resourcesFromMilestone: progress.resourcesFromMilestone.filter((key) => !ours.has(key)),
  };
}

/** The progress after one tick or untick (ticking a milestone ticks its resources too). */
export function applyProgressChange(
  path: LearningPath,
  progress: PathProgress,
  change: ProgressChange,
): PathProgress {
  if (change.kind === "milestone") {
    return applyMilestoneChange(path, progress, change.milestone, change.done);
  }
  if (change.kind === "week") {
    const weeks = toggle(progress.weeks, change.week, change.done).sort((a, b) => a - b);
    return { ...progress, weeks };
  }
  const key = resourceKey(change.milestone, change.resource);
  return {
    ...progress,
    resources: toggle(progress.resources, key, change.done),
    // A resource the learner touches is theirs from now on.
    resourcesFromMilestone: progress.resourcesFromMilestone.filter((item) => item !== key),
  };
}

/** How many resources a change ticked or unticked, for the "Marked 3 resources done" line. */
export function resourcesChanged(before: PathProgress, after: PathProgress): number {
  const was = new Set(before.resources);
  const now = new Set(after.resources);
  return (
    after.resources.filter((key) => !was.has(key)).length +
    before.resources.filter((key) => !now.has(key)).length
  );
}

/**
 * Share of a milestone that is done, 0 to 1: all of it once ticked; otherwise the larger
 * of its ticked resources' share and its ticked weeks' share of its hours.
 */
export function milestoneDoneShare(path: LearningPath, progress: PathProgress, m: number): number {
  const milestone = path.milestones[m];
  if (!milestone) return 0;
  if (progress.milestones.includes(m)) return 1;
  const resources = milestone.resources.filter((_, r) =>
    progress.resources.includes(resourceKey(m, r)),
  ).length;
  const byResources = milestone.resources.length ? resources / milestone.resources.length : 0;
  const weeks = path.schedule.filter(
    (week) => week.week >= milestone.weekStart && week.week <= milestone.weekEnd,
  );
  const weekHours = weeks.reduce((sum, week) => sum + week.hours, 0);
  const tickedHours = weeks
    .filter((week) => progress.weeks.includes(week.week))
    .reduce((sum, week) => sum + week.hours, 0);
  const byWeeks = weekHours > 0 ? tickedHours / weekHours : 0;
  return Math.max(byResources, byWeeks);
}

/** Hours done: each milestone weighs its hours, times the share of it that is done. */
export function hoursDone(path: LearningPath, progress: PathProgress): number {
  return path.milestones.reduce(
    (sum, milestone, m) => sum + milestone.estimatedHours * milestoneDoneShare(path, progress, m),
    0,
  );
}

export const plannedHours = (path: LearningPath) =>
  path.milestones.reduce((sum, milestone) => sum + milestone.estimatedHours, 0);

/** Percent complete, weighted by hours: the figure shown wherever a percentage is shown. */
export function completionPercent(path: LearningPath, progress: PathProgress): number {
  const total = plannedHours(path);
  if (total === 0) return 0;
  // Floor, so 100% means everything is done, not 99.6% of it.
  return Math.floor((100 * hoursDone(path, progress)) / total + 1e-9);
}
