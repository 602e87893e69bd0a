import { shorten } from "./labels";
import {
  type LearningPath,
  learningPathSchema,
  MAX_TITLE_LENGTH,
  type Milestone,
  type Resource,
  resourceSchema,
} from "./path-schema";
import type { LearningPathRequest } from "./request-schema";
import { buildSchedule } from "./schedule";

/** At most this many resources per milestone: a short list a learner will actually use. */
const MAX_RESOURCES = 4;

/** What a generation produced, stage by stage, before it is one checked path. */
export type PathParts = {
  request: LearningPathRequest;
  curriculum: {
    title: string;
    summary: string;
    prerequisites: string[];
    /** Already repaired to the plan's invariants (weeks, hours). */
    milestones: Omit<Milestone, "resources">[];
  };
  /** The resources found for each milestone, by position; any may be missing or invalid. */
  resources: (readonly unknown[] | undefined)[];
  /** Resources for a milestone left without one valid http(s) link. */
  fallbackResources: (index: number, count: number) => unknown[];
  insights: {
    relatedRoles: string[];
    skillsInDemand: string[];
    salaryRange: string;
    salaryRegion: string;
    salaryCaveat: string;
    outlook: string;
    nextSteps: string[];
  };
  generatedBy: LearningPath["generatedBy"];
};

/** The valid http(s) resources not in `shown`, each link once, at most MAX_RESOURCES. */
function validResources(candidates: readonly unknown[] | undefined, shown: Set<string>) {
  const kept: Resource[] = [];
  for (const candidate of candidates ?? []) {
    const result = resourceSchema.safeParse(candidate);
    if (!result.success || shown.has(result.data.url)) continue;
    if (kept.some((resource) => resource.url === result.data.url)) continue;
    kept.push(result.data);
    if (kept.length === MAX_RESOURCES) break;
  }
  return kept;
}

/**
 * Each milestone's resources: the model's, without links an earlier milestone already
 * shows (a model that repeats the same three links everywhere gives the learner nothing
 * new); then fallback links. A repeat is kept only when nothing new is left at all.
 */
function resourcesPerMilestone(parts: PathParts): Resource[][] {
  const shown = new Set<string>();
  const count = parts.curriculum.milestones.length;
  return parts.curriculum.milestones.map((_, index) => {
    const fallback = () => parts.fallbackResources(index, count);
    return chooseResources(parts.resources[index], fallback, shown);
  });
}

/**
 * One milestone's resources: the valid candidates whose links `shown` (earlier
 * milestones) does not have, else fallback ones; a repeat only when nothing new is left.
 * Adds the chosen links to `shown`.
 */
export function chooseResources(
  candidates: readonly unknown[] | undefined,
  fallback: () => unknown[],
  shown: Set<string>,
): Resource[] {
  const chosen = [
    () => validResources(candidates, shown),
    () => validResources(fallback(), shown),
    () => validResources(candidates, new Set()),
    () => validResources(fallback(), new Set()),
  ].reduce<Resource[]>((found, next) => (found.length > 0 ? found : next()), []);
  for (const resource of chosen) shown.add(resource.url);
  return chosen;
}

/**
 * Puts a generation's parts together into one path and checks it against the path
 * schema. Returns the problems instead when the result is not a valid path.
 */
export function assembleLearningPath(
  parts: PathParts,
  generatedAt = new Date(),
): { path: LearningPath } | { problems: string } {
  const { request, curriculum, insights } = parts;
  const resources = resourcesPerMilestone(parts);
  const milestones: Milestone[] = curriculum.milestones.map((draft, index) => ({
    ...draft,
    title: shorten(draft.title, MAX_TITLE_LENGTH),
    resources: resources[index] ?? [],
  }));
  const candidate: LearningPath = {
    // A model's rambling title is cut, not a reason to throw the whole path away.
    title: shorten(curriculum.title, MAX_TITLE_LENGTH),
    summary: curriculum.summary,
    topic: request.topic,
    prerequisites: curriculum.prerequisites,
    level: request.level,
    learningStyle: request.learningStyle,
    durationWeeks: request.durationWeeks,
    hoursPerWeek: request.hoursPerWeek,
    totalHours: milestones.reduce((sum, m) => sum + m.estimatedHours, 0),
    goals: request.goals,
    milestones,
    schedule: buildSchedule(milestones),
    careerInsights: {
      relatedRoles: insights.relatedRoles,
      skillsInDemand: insights.skillsInDemand,
      salaryRange: {
        text: insights.salaryRange,
        region: insights.salaryRegion,
        caveat: insights.salaryCaveat,
      },
      outlook: insights.outlook,
      nextSteps: insights.nextSteps,
    },
    generatedBy: parts.generatedBy,
    generatedAt: generatedAt.toISOString(),
  };
  const checked = learningPathSchema.safeParse(candidate);
  return checked.success ? { path: checked.data } : { problems: checked.error.message };
}
