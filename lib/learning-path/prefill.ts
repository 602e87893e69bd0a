import type { LearningPath } from "./path-schema";
import {
  type LearningPathRequest,
  learningPathRequestSchema,
  MAX_GOALS,
  TIME_PRESETS,
} from "./request-schema";

// A home-page URL that opens the form already answered ("Make my own path like this" on a
// shared page): `/?topic=…&level=…&learningStyle=…&durationWeeks=…&hoursPerWeek=…&goal=…`.
// Each answer is checked by the request schema's own field; one that fails is left out
// and the form shows its usual default there, so a hand-edited link never breaks the page.

export type PrefilledAnswers = Partial<LearningPathRequest>;

/** A query as Next hands it to a page (a name may repeat). */
export type PageQuery = Record<string, string | string[] | undefined>;

const SINGLE_FIELDS = [
  "topic",
  "level",
  "learningStyle",
  "durationWeeks",
  "hoursPerWeek",
] as const satisfies readonly (keyof LearningPathRequest)[];

/** The answers that made `path`, as the query string of a home-page link. */
export function prefillQuery(path: LearningPath): string {
  const query = new URLSearchParams();
  for (const field of SINGLE_FIELDS) query.set(field, String(path[field]));
  for (const goal of path.goals.slice(0, MAX_GOALS)) query.append("goal", goal);
  return query.toString();
}

const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The valid answers a home-page query carries; anything else is dropped. */
export function prefillFromQuery(query: PageQuery): PrefilledAnswers {
  const shape = learningPathRequestSchema.shape;
  const answers: PrefilledAnswers = {};
  for (const field of SINGLE_FIELDS) {
    // A repeated name is ambiguous: take the first, as URLSearchParams.get does.
    const parsed = shape[field].safeParse(all(query[field])[0]);
    if (parsed.success) Object.assign(answers, { [field]: parsed.data });
  }
  if (answers.hoursPerWeek !== undefined) {
    answers.hoursPerWeek = nearestTimePreset(answers.hoursPerWeek);
  }
  const goals = all(query.goal).flatMap((goal) => {
    const parsed = shape.goals.safeParse([goal]);
    return parsed.success ? parsed.data : [];
  });
  if (goals.length > 0) answers.goals = goals.slice(0, MAX_GOALS);
  return answers;
}

/**
 * The form offers time per week as presets only, so hours the API accepted (any whole
 * number up to the maximum) are shown as the closest preset, the lower one on a tie.
 */
function nearestTimePreset(hours: number): number {
  let best: number = TIME_PRESETS[0].hoursPerWeek;
  for (const { hoursPerWeek } of TIME_PRESETS) {
    if (Math.abs(hoursPerWeek - hours) < Math.abs(best - hours)) best = hoursPerWeek;
  }
  return best;
}
