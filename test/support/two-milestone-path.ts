import type { LearningPath, Milestone } from "@/lib/learning-path/path-schema";
import { buildSchedule } from "@/lib/learning-path/schedule";

// Two milestones of unequal weight: 10 h (two resources) and 30 h (one resource).
const milestone = (weekStart: number, weekEnd: number, hours: number, resources: number) =>
  ({
    weekStart,
    weekEnd,
    estimatedHours: hours,
    skillsGained: [],
    title: `M${weekStart}`,
    resources: Array.from({ length: resources }, () => ({})),
  }) as unknown as Milestone;
const milestones = [milestone(1, 2, 10, 2), milestone(3, 4, 30, 1)];
export const twoMilestonePath = {
  durationWeeks: 4,
  milestones,
  schedule: buildSchedule(milestones),
} as unknown as LearningPath;
