import { findCatalogSkill, type SearchSubject } from "@/lib/catalog";
import {
  type CatalogModule,
  type CatalogSkill,
  FINALE_MODULE,
  GENERIC_MODULES,
  PRACTICE_MODULES,
} from "@/lib/catalog/skills";
import { capitalise } from "@/lib/learning-path/labels";
import { milestoneCountFor, splitInRuns, targetHours } from "@/lib/learning-path/plan-math";
import type { LearningPathRequest, Level } from "@/lib/learning-path/request-schema";
import { placeGoals } from "./goals";

// What an offline path covers, before any sentence is written: which part of the
// syllabus fits the learner's level and time, how it is grouped into milestones, which
// goals each milestone serves, and what each milestone's search links are about.

/** Rough study time one syllabus module needs; decides how much of a syllabus fits. */
const HOURS_PER_MODULE = 8;

const LEVEL_START: Record<Level, number> = {
  beginner: 0,
  intermediate: 0.25,
  advanced: 0.5,
  expert: 0.6,
};

export type PlannedMilestone = {
  title: string;
  skills: string[];
  /** Relative length: the number of syllabus modules it covers. */
  weight: number;
  /** What its search links are about. */
  subject: SearchSubject;
  /** The learner's goals this milestone serves. */
  goals: string[];
  /** The goal this milestone builds, when it is the capstone. */
  capstone?: string;
};

export type OfflinePlan = { skill?: CatalogSkill; milestones: PlannedMilestone[] };

/** Where the level starts in the syllabus, early enough to leave a milestone per plan slot. */
function syllabusStart(syllabus: CatalogModule[], level: Level, wanted: number): number {
  const room = syllabus.length + PRACTICE_MODULES.length + 1 - wanted;
  return Math.max(0, Math.min(Math.floor(syllabus.length * LEVEL_START[level]), room));
}

function subjectOf(topic: string, words: string, title: string): SearchSubject {
  return { label: `${topic} – ${title}`, query: `${topic} ${words}` };
}

/** The finale: the learner's own project when a goal names one, else the catalog's capstone. */
function finale(topic: string, capstone: string | undefined): PlannedMilestone {
  if (!capstone) {
    return {
      title: FINALE_MODULE.title,
      skills: FINALE_MODULE.skills,
      weight: 1,
      subject: subjectOf(topic, "project ideas", "project ideas"),
      goals: [],
    };
  }
  return {
    title: `Capstone: ${capitalise(capstone)}`,
    skills: ["Project planning", "Integration", "Presenting your work"],
    weight: 1,
    subject: subjectOf(topic, capstone, capstone),
    goals: [],
    capstone,
  };
}

/** The offline path's plan for this request; the same request always gets the same plan. */
export function planOfflinePath(request: LearningPathRequest): OfflinePlan {
  const skill = findCatalogSkill(request.topic);
  const syllabus = skill?.modules ?? GENERIC_MODULES;
  const wanted = milestoneCountFor(request.durationWeeks);
  const fits = Math.round(
    targetHours(request.durationWeeks, request.hoursPerWeek) / HOURS_PER_MODULE,
  );
  const start = syllabusStart(syllabus, request.level, wanted);
  const candidates = [...syllabus.slice(start), ...PRACTICE_MODULES];
  const moduleCount = Math.min(candidates.length + 1, Math.max(wanted, fits));
  // Paths with room for three modules end by applying what was learned.
  const hasFinale = moduleCount >= 3 && wanted >= 2;
  const learning = candidates.slice(0, hasFinale ? moduleCount - 1 : moduleCount);
  const groups = splitInRuns(learning, Math.min(hasFinale ? wanted - 1 : wanted, learning.length));
  const { capstone, placed } = placeGoals(
    request.goals,
    `${request.topic} ${skill?.name ?? ""}`,
    groups.map((group) => group.flatMap((module) => [module.title, ...module.skills]).join(" ")),
    hasFinale,
  );
  const milestones: PlannedMilestone[] = groups.map((group, index) => {
    const first = group[0] ?? { title: "", skills: [] };
    return {
      title: group.map((module) => module.title).join(" · "),
      skills: group.flatMap((module) => module.skills).slice(0, 12),
      weight: group.length,
      subject: subjectOf(request.topic, first.search ?? first.title, first.title),
      goals: placed[index] ?? [],
    };
  });
  if (hasFinale) milestones.push(finale(request.topic, capstone));
  return { skill, milestones };
}
