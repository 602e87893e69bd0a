// How a learner's goals shape an offline path: a goal that names something to build
// becomes the capstone milestone; every other goal is taken up by the milestone whose
// subject it shares the most words with, or, sharing none, by one of the later
// (applied) milestones, spread so no milestone collects them all.

/** Verbs that name making something. English only: other goals are placed by fit. */
const BUILD_GOAL =
  /^(?:to\s+)?(?:build|create|make|ship|write|develop|design|publish|launch|deploy|implement|code|program|craft|record|produce|compose|paint|knit|sew|bake|cook|film|draw|sculpt|set up|put together|finish)\b/i;

/** Words too common to tell milestones apart. */
const STOP_WORDS = new Set(
  "the and for with from into your that this what how use using learn learning about get able understand know basics basic more".split(
    " ",
  ),
);

export function isBuildGoal(goal: string): boolean {
  return BUILD_GOAL.test(goal.trim());
}

/** A project goal as the end of a sentence: "Build a CLI" -> "build a CLI". */
export const projectPhrase = (goal: string) =>
  goal.replace(/^(?:to\s+)?(\p{L})/u, (_, letter: string) => letter.toLowerCase());

/** Content words, cut to five letters so "analyse" meets "analysis". */
function stems(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}+#]+/gu) ?? [];
  return new Set(
    words.filter((word) => word.length >= 3 && !STOP_WORDS.has(word)).map((w) => w.slice(0, 5)),
  );
}

/** Words a goal shares with a milestone's subject, leaving out the topic's own words. */
function sharedWords(goal: string, subject: string, topic: Set<string>): number {
  const subjectStems = stems(subject);
  return [...stems(goal)].filter((stem) => subjectStems.has(stem) && !topic.has(stem)).length;
}

export type GoalPlan = {
  /** The goal the capstone milestone builds, if any (only when there is room for one). */
  capstone?: string;
  /** For each milestone before the capstone, the goals it takes up. */
  placed: string[][];
};

/**
 * Places the goals on milestones with these subjects (`topic` names the path's
 * topic, and its catalog skill if any). `capstoneRoom` says whether the path has a last
 * milestone of its own for a project.
 */
export function placeGoals(
  goals: string[],
  topic: string,
  subjects: string[],
  capstoneRoom: boolean,
): GoalPlan {
  // Every milestone is about the topic: sharing its words says nothing about fit.
  const topicStems = stems(topic);
  const capstone = capstoneRoom ? goals.find(isBuildGoal) : undefined;
  const placed: string[][] = subjects.map(() => []);
  const later = Math.floor(subjects.length / 2);
  let spread = 0;
  for (const goal of goals) {
    if (goal === capstone) continue;
    const scores = subjects.map((subject) => sharedWords(goal, subject, topicStems));
    const best = Math.max(...scores);
    const index = best > 0 ? scores.indexOf(best) : later + (spread++ % (subjects.length - later));
    placed[index]?.push(goal);
  }
  return { capstone, placed };
}
