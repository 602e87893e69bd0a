import {
  GENERAL_CAREER,
  GENERIC_MODULES,
  SKILL_CATALOG,
  topicForTitle,
} from "@/lib/catalog/skills";
import { capitalise } from "@/lib/learning-path/labels";
import { milestoneSchema } from "@/lib/learning-path/path-schema";
import { apportion, targetHours, weekRangesFor } from "@/lib/learning-path/plan-math";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type { CareerInsightsDraft, CurriculumDraft, MilestoneDraft } from "@/lib/providers/types";
import { projectPhrase } from "./goals";
import { type PlannedMilestone, planOfflinePath } from "./plan";
import { goalsSentence, listInProse, STYLE_APPROACH, STYLE_PROJECT } from "./prose";
import { offlineSummary } from "./summary";

// The offline curriculum engine: builds a real path from the shipped catalog when no
// model is configured. Every input changes the result: level picks where in the
// syllabus to start, duration and hours decide how much of it fits, learning style
// picks the resources and shapes each milestone's description, and goals shape the
// plan (./plan.ts): a project goal becomes the capstone, others the milestones they fit.

/** The longest description a milestone may have (the path schema's limit). */
const DESCRIPTION_MAX = milestoneSchema.shape.description.maxLength ?? 1000;

function describeMilestone(
  milestone: PlannedMilestone,
  request: LearningPathRequest,
  known: boolean,
) {
  if (milestone.capstone) {
    const weeks = request.durationWeeks;
    return [
      `This milestone is your own project: ${projectPhrase(milestone.capstone)}.`,
      `Scope it to fit the time left in these ${weeks} weeks, use what the earlier milestones taught, and finish with a short write-up or demo.`,
      STYLE_PROJECT[request.learningStyle],
    ].join(" ");
  }
  const text = [
    STYLE_APPROACH[request.learningStyle](listInProse(milestone.skills.slice(0, 4))),
    known ? "" : `Apply each idea to ${topicForTitle(request.topic)}.`,
  ]
    .filter(Boolean)
    .join(" ");
  const goals = goalsSentence(milestone.goals, DESCRIPTION_MAX - text.length - 1);
  return goals ? `${text} ${goals}` : text;
}

/** The offline curriculum, built milestone by milestone. */
export function* buildOfflineCurriculum(
  request: LearningPathRequest,
): Generator<MilestoneDraft, CurriculumDraft> {
  const plan = planOfflinePath(request);
  const ranges = weekRangesFor(
    request.durationWeeks,
    plan.milestones.map((milestone) => milestone.weight),
  );
  const hours = apportion(
    targetHours(request.durationWeeks, request.hoursPerWeek),
    ranges.map((range) => range.weekEnd - range.weekStart + 1),
  );
  const milestones: MilestoneDraft[] = [];
  for (const [index, planned] of plan.milestones.entries()) {
    const range = ranges[index] ?? { weekStart: 1, weekEnd: 1 };
    const milestone: MilestoneDraft = {
      title: planned.title,
      description: describeMilestone(planned, request, plan.skill !== undefined),
      weekStart: range.weekStart,
      weekEnd: range.weekEnd,
      estimatedHours: hours[index] ?? 0,
      skillsGained: planned.skills,
    };
    milestones.push(milestone);
    yield milestone;
  }
  const first = (plan.skill?.modules ?? GENERIC_MODULES)[0]?.title.toLowerCase();
  return {
    // The learner's own words, not the catalog skill they matched.
    title: `${topicForTitle(request.topic)}: ${capitalise(request.level)} learning path`,
    summary: offlineSummary(request, plan),
    prerequisites:
      request.level === "beginner"
        ? (plan.skill?.prerequisites ?? ["Curiosity and a regular study slot"])
        : [...(plan.skill?.prerequisites ?? []), `Working knowledge of ${first}`],
    milestones,
  };
}

export function buildOfflineCareerInsights(request: LearningPathRequest): CareerInsightsDraft {
  const { skill } = planOfflinePath(request);
  const career = skill?.career ?? GENERAL_CAREER;
  const related = SKILL_CATALOG.filter(
    (other) => skill && other.category === skill.category && other.id !== skill.id,
  )
    .slice(0, 2)
    .map((other) => other.name);
  const name = skill?.name ?? topicForTitle(request.topic);
  return {
    relatedRoles: career.relatedRoles,
    skillsInDemand: career.skillsInDemand,
    salaryRange: career.salary,
    salaryRegion: career.region,
    outlook: career.outlook,
    nextSteps: [
      `Publish a project that shows your ${name} skills, with a short write-up of what you learned`,
      "Join a community (forum, meetup or open-source project) and help someone a step behind you",
      ...related.map((other) => `Broaden your profile with ${other}`),
    ],
  };
}
