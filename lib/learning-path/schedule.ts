import type { Milestone, ScheduleWeek } from "./path-schema";
import { apportion } from "./plan-math";

/**
 * The week-by-week schedule, derived from the milestones: each week belongs to exactly
 * one milestone, gets its share of that milestone's hours, and focuses on the next
 * slice of the skills it teaches.
 */
export function buildSchedule(milestones: Milestone[]): ScheduleWeek[] {
  const weeks: ScheduleWeek[] = [];
  for (const milestone of milestones) {
    const count = milestone.weekEnd - milestone.weekStart + 1;
    const hours = apportion(
      milestone.estimatedHours,
      Array.from({ length: count }, () => 1),
    );
    const skills = milestone.skillsGained;
    for (let offset = 0; offset < count; offset++) {
      const from = Math.floor((offset * skills.length) / count);
      const to = Math.max(from + 1, Math.floor(((offset + 1) * skills.length) / count));
      const slice = skills.slice(from, to);
      const isLast = offset === count - 1 && count > 1;
      weeks.push({
        week: milestone.weekStart + offset,
        milestone: milestone.title,
        focus: isLast
          ? `Practise and review: ${slice.join(", ") || milestone.title}`
          : slice.join(", ") || milestone.title,
        hours: hours[offset] ?? 0,
      });
    }
  }
  return weeks;
}
