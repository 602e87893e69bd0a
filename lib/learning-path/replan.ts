import type { FieldIssue } from "@/lib/errors/field-issues";
import type { ReplanInput } from "./adaptation-schema";
import type { LearningPath } from "./path-schema";
import { milestoneCountFor } from "./plan-math";
import type { PathProgress } from "./progress";
import { MAX_WEEKS } from "./request-schema";
import { daysBetween } from "./start-date";

// Re-planning a saved path from a week on: which milestones stay exactly as they are
// (the ones before that week, and every finished one), how long the path becomes and
// how many new milestones fill the weeks that are left.

export type ReplanPlan = {
  /** Milestones 0..keptCount-1 stay, with their weeks, resources and ticks. */
  keptCount: number;
  /** The last week of the kept milestones (0 when none is kept). */
  keptWeeks: number;
  /** The path's new length in weeks. */
  durationWeeks: number;
  /** Hours a week for the weeks planned again. */
  hoursPerWeek: number;
  /** How many milestones the weeks after `keptWeeks` get. */
  newMilestones: number;
};

/** The first week to plan again when the learner does not say: this week, else after the finished work. */
function defaultFromWeek(
  path: LearningPath,
  progress: PathProgress,
  startDate: string | null,
  today: string,
): number {
  if (startDate) return Math.max(1, Math.floor(daysBetween(startDate, today) / 7) + 1);
  const lastFinished = Math.max(-1, ...progress.milestones);
  return (path.milestones[lastFinished]?.weekEnd ?? 0) + 1;
}

/** The weeks from `startDate` through `endDate`, counting a started week as a whole one. */
const weeksUntil = (startDate: string, endDate: string) =>
  Math.ceil((daysBetween(startDate, endDate) + 1) / 7);

/** The re-plan for `input`, or the field issues that make it impossible. */
export function planReplan(
  path: LearningPath,
  progress: PathProgress,
  input: ReplanInput,
  context: { startDate: string | null; today: string },
): ReplanPlan | { issues: FieldIssue[] } {
  const fromWeek =
    input.fromWeek ?? defaultFromWeek(path, progress, context.startDate, context.today);
  const lastFinished = Math.max(-1, ...progress.milestones);
  const before = path.milestones.filter((milestone) => milestone.weekEnd < fromWeek).length;
  // A finished milestone is never planned again, even one past `fromWeek`.
  const keptCount = Math.min(path.milestones.length, Math.max(before, lastFinished + 1));
  const keptWeeks = path.milestones[keptCount - 1]?.weekEnd ?? 0;
  let durationWeeks = path.durationWeeks;
  if (input.endDate) {
    if (!context.startDate) {
      return { issues: [{ field: "endDate", message: "Set the path's start date first" }] };
    }
    durationWeeks = weeksUntil(context.startDate, input.endDate);
  }
  if (durationWeeks > MAX_WEEKS) {
    return { issues: [{ field: "endDate", message: `A path lasts at most ${MAX_WEEKS} weeks` }] };
  }
  const weeksLeft = durationWeeks - keptWeeks;
  if (weeksLeft < 1) {
    const field = input.endDate ? "endDate" : "fromWeek";
    return { issues: [{ field, message: "No weeks are left to plan after the finished work" }] };
  }
  const newMilestones = Math.min(
    weeksLeft,
    Math.max(1, milestoneCountFor(durationWeeks) - keptCount),
  );
  const hoursPerWeek = input.hoursPerWeek ?? path.hoursPerWeek;
  return { keptCount, keptWeeks, durationWeeks, hoursPerWeek, newMilestones };
}
