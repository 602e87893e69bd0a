import { isSearchLink, suitsStyle } from "@/lib/catalog";
import { findPlanProblems } from "@/lib/learning-path/invariants";
import { type LearningPath, learningPathSchema } from "@/lib/learning-path/path-schema";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";

// What a finished path must be, whichever provider wrote it, read as a learner would:
// each check names the problem it finds, so a failing corpus run says what went wrong.

/** A sentence longer than this reads as a run-on. */
export const MAX_SENTENCE_WORDS = 45;
/** More goals than this quoted in one sentence is a list pasted into prose. */
const MAX_GOALS_PER_SENTENCE = 2;

const ARTICLE_MISTAKE =
  /\b[Aa] (?:intermediate|advanced|expert|auditory|8|11|18)\b|\b[Aa]n (?:beginner|visual|reading|kinesthetic)\b/;

const weeksOf = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

function structureProblems(path: LearningPath, request: LearningPathRequest): string[] {
  const parsed = learningPathSchema.safeParse(path);
  if (!parsed.success) return [`not a valid path: ${parsed.error.issues[0]?.message}`];
  const problems = findPlanProblems(path.milestones, request.durationWeeks, request.hoursPerWeek);
  const sum = path.milestones.reduce((total, m) => total + m.estimatedHours, 0);
  if (path.totalHours !== sum)
    problems.push(`total ${path.totalHours} h is not the milestones' ${sum} h`);
  const scheduled = path.schedule.map((week) => week.week);
  if (scheduled.join() !== weeksOf(request.durationWeeks).join()) {
    problems.push("the schedule does not list each week once");
  }
  return problems;
}

function resourceProblems(path: LearningPath): string[] {
  const problems: string[] = [];
  for (const [index, milestone] of path.milestones.entries()) {
    const urls = milestone.resources.map((resource) => resource.url);
    if (new Set(urls).size !== urls.length) problems.push(`milestone ${index + 1} repeats a link`);
    for (const resource of milestone.resources) {
      if (isSearchLink(resource.url) && !/search/i.test(resource.title)) {
        problems.push(`milestone ${index + 1}: search link not labelled as one: ${resource.title}`);
      }
    }
  }
  return problems;
}

function proseProblems(path: LearningPath, request: LearningPathRequest): string[] {
  const problems: string[] = [];
  // The learner's own words stay in the title (long topics may be shortened).
  if (!path.title.includes(request.topic.slice(0, 100))) problems.push("title drops the topic");
  const sentences = path.summary.split(/(?<=[.!?])\s+/);
  const longest = Math.max(...sentences.map((sentence) => sentence.split(/\s+/).length));
  if (longest > MAX_SENTENCE_WORDS) problems.push(`summary has a ${longest}-word sentence`);
  const goalsInOne = Math.max(
    ...sentences.map((sentence) => request.goals.filter((goal) => sentence.includes(goal)).length),
  );
  if (goalsInOne > MAX_GOALS_PER_SENTENCE)
    problems.push(`summary pastes ${goalsInOne} goals into one sentence`);
  const texts = [path.summary, ...path.milestones.map((m) => m.description)];
  const mistake = texts.map((text) => ARTICLE_MISTAKE.exec(text)?.[0]).find(Boolean);
  if (mistake) problems.push(`wrong article: "${mistake}"`);
  return problems;
}

/** Every invariant a finished path breaks; empty means it passes them all. */
export function findPathProblems(path: LearningPath, request: LearningPathRequest): string[] {
  const structure = structureProblems(path, request);
  if (structure[0]?.startsWith("not a valid path")) return structure;
  return [...structure, ...resourceProblems(path), ...proseProblems(path, request)];
}

/** Links shown in more than one milestone, as a share of all links shown. */
export function repetitionRate(path: LearningPath): { repeated: number; shown: number } {
  const urls = path.milestones.flatMap((m) => [...new Set(m.resources.map((r) => r.url))]);
  return { repeated: urls.length - new Set(urls).size, shown: urls.length };
}

/** Milestones without a resource that suits the path's learning style. */
export function unsuitedMilestones(path: LearningPath): number {
  return path.milestones.filter(
    (m) => !m.resources.some((resource) => suitsStyle(resource, path.learningStyle)),
  ).length;
}

/** The kinds of resource a path shows, counted: what the learning style should change. */
export function resourceMix(path: LearningPath): string {
  const kinds = path.milestones.flatMap((m) => m.resources.map((r) => r.type)).sort();
  return kinds.join(",");
}
