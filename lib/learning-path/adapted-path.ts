import { shorten } from "./labels";
import {
  type LearningPath,
  learningPathSchema,
  MAX_TITLE_LENGTH,
  type Milestone,
} from "./path-schema";
import type { LearningPathRequest } from "./request-schema";
import { buildSchedule } from "./schedule";

// A saved path after an adaptation: new milestones in place of some of its own, with the
// schedule, total hours and length that follow from them. What the learner named the
// path, its summary and career insights stay.

/** The request a saved path answers, for a provider asked to adapt it. */
export function requestOf(path: LearningPath): LearningPathRequest {
  const { topic, level, learningStyle, durationWeeks, hoursPerWeek, goals } = path;
  return { topic, level, learningStyle, durationWeeks, hoursPerWeek, goals };
}

/** A model's milestone text cut to the path's limits, as the generation does with titles. */
export function withinLimits<T extends Pick<Milestone, "title" | "description" | "skillsGained">>(
  milestone: T,
): T {
  return {
    ...milestone,
    title: shorten(milestone.title, MAX_TITLE_LENGTH),
    description: shorten(milestone.description, 1000),
    skillsGained: milestone.skillsGained.slice(0, 12).map((skill) => shorten(skill, 120)),
  };
}

/** `path` with `milestones`, checked; the problems instead when it is not a valid path. */
export function withMilestones(
  path: LearningPath,
  milestones: Milestone[],
  change: Partial<Pick<LearningPath, "durationWeeks" | "hoursPerWeek" | "generatedBy">>,
  adaptedAt = new Date(),
): { path: LearningPath } | { problems: string } {
  const checked = learningPathSchema.safeParse({
    ...path,
    ...change,
    milestones,
    totalHours: milestones.reduce((sum, milestone) => sum + milestone.estimatedHours, 0),
    schedule: buildSchedule(milestones),
    generatedAt: adaptedAt.toISOString(),
  });
  return checked.success ? { path: checked.data } : { problems: checked.error.message };
}
