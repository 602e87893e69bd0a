import { apportion, targetHours, type WeekRange, weekRangesFor } from "./plan-math";

// The rules every finished path obeys, whoever wrote it. A model gets the arithmetic
// wrong often enough that the pipeline repairs rather than rejects: the plan's shape
// (titles, order, relative effort) is the model's, the numbers are made consistent.

type PlannedMilestone = WeekRange & { estimatedHours: number };

/** Total hours are allowed to differ from weeks x hours-per-week by this fraction. */
export const TOTAL_HOURS_TOLERANCE = 0.1;

function weekProblems(milestones: WeekRange[], durationWeeks: number): string[] {
  let expectedStart = 1;
  for (const [index, milestone] of milestones.entries()) {
    if (milestone.weekStart !== expectedStart || milestone.weekEnd < milestone.weekStart) {
      return [`milestone ${index + 1} does not continue at week ${expectedStart}`];
    }
    expectedStart = milestone.weekEnd + 1;
  }
  return expectedStart === durationWeeks + 1
    ? []
    : [`weeks end at ${expectedStart - 1}, not at ${durationWeeks}`];
}

function hoursProblems(milestones: PlannedMilestone[], target: number): string[] {
  const total = milestones.reduce((sum, m) => sum + m.estimatedHours, 0);
  return Math.abs(total - target) <= target * TOTAL_HOURS_TOLERANCE
    ? []
    : [`milestones add up to ${total} h, expected about ${target} h`];
}

/** Describes every broken invariant; an empty list means the plan is sound. */
export function findPlanProblems(
  milestones: PlannedMilestone[],
  durationWeeks: number,
  hoursPerWeek: number,
): string[] {
  if (milestones.length === 0) return ["the path has no milestones"];
  return [
    ...weekProblems(milestones, durationWeeks),
    ...hoursProblems(milestones, targetHours(durationWeeks, hoursPerWeek)),
  ];
}

/**
 * Returns the milestones with week ranges covering 1..N exactly once and hours adding
 * up to about weeks x hours per week, keeping what the model got right. Milestones
 * beyond the number of weeks are dropped: each needs at least one week of its own.
 */
export function repairPlan<T extends PlannedMilestone>(
  milestones: T[],
  durationWeeks: number,
  hoursPerWeek: number,
): T[] {
  const kept = milestones.slice(0, durationWeeks);
  const target = targetHours(durationWeeks, hoursPerWeek);
  const ranges =
    weekProblems(kept, durationWeeks).length === 0
      ? kept
      : weekRangesFor(
          durationWeeks,
          kept.map((m) => m.estimatedHours),
        );
  const hours =
    hoursProblems(kept, target).length === 0
      ? kept.map((m) => m.estimatedHours)
      : apportion(
          target,
          ranges.map((range) => range.weekEnd - range.weekStart + 1),
        );
  return kept.map((milestone, index) => ({
    ...milestone,
    weekStart: ranges[index]?.weekStart ?? milestone.weekStart,
    weekEnd: ranges[index]?.weekEnd ?? milestone.weekEnd,
    estimatedHours: hours[index] ?? milestone.estimatedHours,
  }));
}
