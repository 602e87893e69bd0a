import type { LearningPath, ScheduleWeek } from "./path-schema";
import { hoursDone, type PathProgress, plannedHours } from "./progress";
import { daysBetween } from "./start-date";

// Where a learner stands on a given day: which week of the plan it is, what that week
// asks for, and whether the hours ticked keep up with the hours planned so far.

export type PaceStatus = "not-started" | "ahead" | "on-track" | "behind" | "finished";

export const PACE_LABELS: Record<PaceStatus, string> = {
  "not-started": "Not started",
  ahead: "Ahead",
  "on-track": "On track",
  behind: "Behind",
  finished: "Finished",
};

export type WeekStanding = {
  /** 1 in the first seven days from the start date; 0 before it; past the plan's end after. */
  week: number;
  status: PaceStatus;
  /** Hours the plan asks for up to the end of this week (all of them after the end). */
  plannedHours: number;
  hoursDone: number;
  /** This week's row of the schedule, when the plan has one. */
  plan: ScheduleWeek | undefined;
  /** Milestones (by index) whose weeks include this one. */
  milestones: number[];
  /** The plan's last week has passed. */
  pastEnd: boolean;
};

const hoursOfWeeks = (schedule: ScheduleWeek[], upTo: number) =>
  schedule.filter((row) => row.week <= upTo).reduce((sum, row) => sum + row.hours, 0);

/**
 * The standing on `today` for a path started on `startDate` (both YYYY-MM-DD). Behind:
 * fewer hours done than all weeks before this one planned. Ahead: more than planned up to
 * the end of this week. In between: on track.
 */
export function weekStanding(
  path: LearningPath,
  progress: PathProgress,
  startDate: string,
  today: string,
): WeekStanding {
  const days = daysBetween(startDate, today);
  const week = days < 0 ? 0 : Math.floor(days / 7) + 1;
  const done = hoursDone(path, progress);
  const total = plannedHours(path);
  const plannedBefore = hoursOfWeeks(path.schedule, week - 1);
  const plannedThrough = hoursOfWeeks(path.schedule, week);
  const slack = 1e-9;
  let status: PaceStatus;
  if (total > 0 && done >= total - slack) status = "finished";
  else if (week === 0) status = "not-started";
  else if (done < plannedBefore - slack) status = "behind";
  else if (done > plannedThrough + slack) status = "ahead";
  else status = "on-track";
  return {
    week,
    status,
    plannedHours: plannedThrough,
    hoursDone: done,
    plan: path.schedule.find((row) => row.week === week),
    milestones: path.milestones
      .map((milestone, m) => (week >= milestone.weekStart && week <= milestone.weekEnd ? m : -1))
      .filter((m) => m >= 0),
    pastEnd: week > path.durationWeeks,
  };
}
