import { findCatalogSkill } from "@/lib/catalog";
import {
  type CatalogModule,
  GENERAL_CAREER,
  GENERIC_MODULES,
  PROJECT_MODULES,
  SKILL_CATALOG,
  topicForTitle,
} from "@/lib/catalog/skills";
import { capitalise } from "@/lib/learning-path/labels";
import {
  apportion,
  milestoneCountFor,
  targetHours,
  weekRangesFor,
} from "@/lib/learning-path/plan-math";
import type { LearningPathRequest, LearningStyle, Level } from "@/lib/learning-path/request-schema";
import type { CareerInsightsDraft, CurriculumDraft, MilestoneDraft } from "@/lib/providers/types";

// The offline curriculum engine: builds a real path from the shipped catalog when no
// model is configured. Every input changes the result: level picks where in the
// syllabus to start, duration and hours decide how much of it fits, learning style
// orders resources and shapes each milestone's description, goals are woven in.

/** Rough study time one syllabus module needs; decides how much of a syllabus fits. */
const HOURS_PER_MODULE = 8;

const LEVEL_START: Record<Level, number> = {
  beginner: 0,
  intermediate: 0.25,
  advanced: 0.5,
  expert: 0.6,
};

const STYLE_APPROACH: Record<LearningStyle, (skills: string) => string> = {
  visual: (skills) => `Watch worked demonstrations and sketch diagrams or mind maps of ${skills}.`,
  auditory: (skills) =>
    `Listen to explanations of ${skills}, then explain each idea out loud or to a study partner.`,
  reading: (skills) =>
    `Read the reference material on ${skills} and write short notes in your own words.`,
  kinesthetic: (skills) =>
    `Learn by doing: build small exercises that use ${skills} before reading further.`,
};

type PlannedModuleGroup = { modules: CatalogModule[] };

/** Chooses the syllabus window for the level and time available, grouped into milestones. */
function planModules(
  syllabus: CatalogModule[],
  request: LearningPathRequest,
): PlannedModuleGroup[] {
  const start = Math.floor(syllabus.length * LEVEL_START[request.level]);
  const fromLevel = [...syllabus.slice(start), ...PROJECT_MODULES];
  const totalHours = targetHours(request.durationWeeks, request.hoursPerWeek);
  const wantedMilestones = milestoneCountFor(request.durationWeeks);
  const fits = Math.round(totalHours / HOURS_PER_MODULE);
  const moduleCount = Math.min(fromLevel.length, Math.max(wantedMilestones, fits));
  // Short paths keep the final project when there is room for it, so every path ends
  // by applying what was learned.
  const chosen =
    moduleCount < fromLevel.length && moduleCount >= 3
      ? [...fromLevel.slice(0, moduleCount - 1), PROJECT_MODULES[0] as CatalogModule]
      : fromLevel.slice(0, moduleCount);
  const groupCount = Math.min(wantedMilestones, chosen.length);
  const sizes = apportion(
    chosen.length,
    chosen.slice(0, groupCount).map(() => 1),
    1,
  );
  const groups: PlannedModuleGroup[] = [];
  let next = 0;
  for (const size of sizes) {
    groups.push({ modules: chosen.slice(next, next + size) });
    next += size;
  }
  return groups;
}

function listSkills(skills: string[]): string {
  if (skills.length <= 1) return skills.join("");
  return `${skills.slice(0, -1).join(", ")} and ${skills.at(-1)}`;
}

/** The offline curriculum, built milestone by milestone. */
export function* buildOfflineCurriculum(
  request: LearningPathRequest,
): Generator<MilestoneDraft, CurriculumDraft> {
  const skill = findCatalogSkill(request.topic);
  const name = skill?.name ?? request.topic;
  const groups = planModules(skill?.modules ?? GENERIC_MODULES, request);
  const ranges = weekRangesFor(
    request.durationWeeks,
    groups.map((group) => group.modules.length),
  );
  const hours = apportion(
    targetHours(request.durationWeeks, request.hoursPerWeek),
    ranges.map((range) => range.weekEnd - range.weekStart + 1),
  );
  const milestones: MilestoneDraft[] = [];
  for (const [index, group] of groups.entries()) {
    const skillsGained = group.modules.flatMap((module) => module.skills).slice(0, 12);
    const range = ranges[index] ?? { weekStart: 1, weekEnd: 1 };
    const goal = request.goals.length > 0 ? request.goals[index % request.goals.length] : undefined;
    const description = [
      STYLE_APPROACH[request.learningStyle](listSkills(skillsGained.slice(0, 4))),
      skill ? "" : `Apply each idea to ${name}.`,
      goal ? `Keep your goal in view: ${goal}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
    const milestone: MilestoneDraft = {
      title: group.modules.map((module) => module.title).join(" · "),
      description,
      weekStart: range.weekStart,
      weekEnd: range.weekEnd,
      estimatedHours: hours[index] ?? 0,
      skillsGained,
    };
    milestones.push(milestone);
    yield milestone;
  }
  const levelWord = request.level === "expert" ? "an expert-level" : `a ${request.level}`;
  const goalsText =
    request.goals.length > 0 ? ` It is aimed at your goals: ${request.goals.join("; ")}.` : "";
  return {
    title: `${topicForTitle(name)}: ${capitalise(request.level)} learning path`,
    summary:
      `${capitalise(levelWord)} ${request.durationWeeks}-week path through ${name} ` +
      `at about ${request.hoursPerWeek} hours a week, arranged for ${request.learningStyle} learners.${goalsText}`,
    prerequisites:
      request.level === "beginner"
        ? (skill?.prerequisites ?? ["Curiosity and a regular study slot"])
        : [
            ...(skill?.prerequisites ?? []),
            `Working knowledge of ${(skill?.modules ?? GENERIC_MODULES)[0]?.title.toLowerCase()}`,
          ],
    milestones,
  };
}

export function buildOfflineCareerInsights(request: LearningPathRequest): CareerInsightsDraft {
  const skill = findCatalogSkill(request.topic);
  const career = skill?.career ?? GENERAL_CAREER;
  const related = SKILL_CATALOG.filter(
    (other) => skill && other.category === skill.category && other.id !== skill.id,
  )
    .slice(0, 2)
    .map((other) => other.name);
  const name = skill?.name ?? request.topic;
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
