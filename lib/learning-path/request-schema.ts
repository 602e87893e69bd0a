import { z } from "zod/mini";
import { safeText } from "@/lib/validation/safe-text";

// The request schema is shared by the form (client-side validation) and the route
// handlers, so both sides reject exactly the same input with the same messages. It uses
// zod/mini, which tree-shakes: the home page's browser bundle carries only the checks
// used here instead of all of zod (see docs/PERFORMANCE.md, figure 6a).

export const LEVELS = ["beginner", "intermediate", "advanced", "expert"] as const;
export const LEARNING_STYLES = ["visual", "auditory", "reading", "kinesthetic"] as const;

/** Time-per-week presets shown in the form; each is sent as a number of hours. */
export const TIME_PRESETS = [
  { id: "minimal", label: "Minimal", range: "1-2 h / week", hoursPerWeek: 2 },
  { id: "moderate", label: "Moderate", range: "3-5 h / week", hoursPerWeek: 4 },
  { id: "substantial", label: "Substantial", range: "6-10 h / week", hoursPerWeek: 8 },
  { id: "intensive", label: "Intensive", range: "10+ h / week", hoursPerWeek: 12 },
] as const;

export const MAX_GOALS = 10;
/** The longest path, and the most study time a week, that a learner can ask for. */
export const MAX_WEEKS = 52;
export const MAX_HOURS_PER_WEEK = 40;
export const MAX_GOAL_LENGTH = 120;

const goal = z
  .string()
  .check(
    z.trim(),
    safeText("A goal"),
    z.minLength(1, "A goal cannot be empty"),
    z.maxLength(MAX_GOAL_LENGTH, `Each goal must be at most ${MAX_GOAL_LENGTH} characters`),
  );

/**
 * A whole number within bounds. Form posts send numbers as digit strings, so those are
 * accepted; anything else that is not already a number (true, null, "12abc") is not.
 */
function wholeNumber(label: string, unit: string, min: number, max: number) {
  return z.pipe(
    z.transform((value: unknown) =>
      typeof value === "string" && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value,
    ),
    z
      .number({ error: `${label} must be a number of ${unit}s` })
      .check(
        z.refine(Number.isInteger, `${label} must be a whole number of ${unit}s`),
        z.gte(min, `${label} must be at least ${min} ${unit}${min === 1 ? "" : "s"}`),
        z.lte(max, `${label} must be at most ${max} ${unit}s`),
      ),
  );
}

// An empty topic is a learner who has not typed yet: say what to do, not a length.
const NO_TOPIC = "Type what you want to learn, or pick a popular skill";
const TOPIC_TOO_SHORT = "Topic must be at least 2 characters";

export const learningPathRequestSchema = z.strictObject({
  topic: z
    .string({ error: "Enter a topic" })
    .check(
      z.trim(),
      safeText("Topic"),
      z.minLength(2, { error: (issue) => (issue.input ? TOPIC_TOO_SHORT : NO_TOPIC) }),
      z.maxLength(200, "Topic must be at most 200 characters"),
    ),
  level: z.enum(LEVELS, { error: "Choose a level" }),
  learningStyle: z.enum(LEARNING_STYLES, { error: "Choose a learning style" }),
  durationWeeks: wholeNumber("Duration", "week", 1, MAX_WEEKS),
  hoursPerWeek: wholeNumber("Time per week", "hour", 1, MAX_HOURS_PER_WEEK),
  goals: z._default(
    z
      .array(goal, { error: "Goals must be a list of short texts" })
      .check(z.maxLength(MAX_GOALS, `At most ${MAX_GOALS} goals`)),
    [],
  ),
});

export type LearningPathRequest = z.infer<typeof learningPathRequestSchema>;
export type Level = (typeof LEVELS)[number];
export type LearningStyle = (typeof LEARNING_STYLES)[number];
