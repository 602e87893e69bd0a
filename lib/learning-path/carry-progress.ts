import type { LearningPath, Milestone } from "./path-schema";
import type { PathProgress } from "./progress";

// What a learner ticked survives a change of their path (a regenerated milestone, a
// re-plan, an undo) wherever the thing they ticked is still the same thing: ticks are
// stored by position, so a tick on a milestone whose content changed would otherwise
// claim work the learner never did.

/** Same milestone: same title and the same weeks. */
const sameMilestone = (a: Milestone | undefined, b: Milestone | undefined) =>
  a !== undefined &&
  b !== undefined &&
  a.title === b.title &&
  a.weekStart === b.weekStart &&
  a.weekEnd === b.weekEnd;

function resourceStays(before: LearningPath, after: LearningPath, key: string): boolean {
  const [m, r] = key.split(":").map(Number) as [number, number];
  const was = before.milestones[m]?.resources[r];
  const is = after.milestones[m]?.resources[r];
  return was !== undefined && is !== undefined && was.url === is.url;
}

function weekStays(before: LearningPath, after: LearningPath, week: number): boolean {
  const was = before.schedule.find((row) => row.week === week);
  const is = after.schedule.find((row) => row.week === week);
  return was !== undefined && is !== undefined && was.milestone === is.milestone;
}

/**
 * The ticks of `progress` (made on `before`) that still name the same thing in `after`:
 * a milestone with the same title and weeks, a resource with the same link in the same
 * place, a week that still belongs to the same milestone.
 */
export function carryProgress(
  before: LearningPath,
  after: LearningPath,
  progress: PathProgress,
): PathProgress {
  const resourceKept = (key: string) => resourceStays(before, after, key);
  return {
    milestones: progress.milestones.filter((m) =>
      sameMilestone(before.milestones[m], after.milestones[m]),
    ),
    resources: progress.resources.filter(resourceKept),
    weeks: progress.weeks.filter((week) => weekStays(before, after, week)),
    resourcesFromMilestone: progress.resourcesFromMilestone.filter(resourceKept),
  };
}
