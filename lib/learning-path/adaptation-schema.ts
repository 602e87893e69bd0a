import { z } from "zod/mini";
import { safeText } from "@/lib/validation/safe-text";
import { MAX_HOURS_PER_WEEK, MAX_WEEKS } from "./request-schema";
import { startDateSchema } from "./start-date";

// What a learner sends to adapt a saved path (POST .../regenerate and .../replan). Shared
// by the route handlers and the browser's forms (zod/mini keeps the page's bundle small),
// so both refuse the same input with the same words.

export const MAX_INSTRUCTION_LENGTH = 300;

export const regenerateMilestoneSchema = z.strictObject({
  /** What the learner wants different ("more hands-on", "I already know X"). */
  instruction: z.optional(
    z
      .string()
      .check(
        z.trim(),
        safeText("The instruction"),
        z.maxLength(
          MAX_INSTRUCTION_LENGTH,
          `The instruction must be at most ${MAX_INSTRUCTION_LENGTH} characters`,
        ),
      ),
  ),
});
export type RegenerateMilestoneInput = z.infer<typeof regenerateMilestoneSchema>;

const whole = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .check(
      z.refine(Number.isInteger, `${label} must be a whole number`),
      z.gte(1, `${label} must be at least 1`),
      z.lte(max, `${label} must be at most ${max}`),
    );

export const replanSchema = z
  .strictObject({
    /** The first week planned again; default: this week, else after the last finished milestone. */
    fromWeek: z.optional(whole("The week", MAX_WEEKS)),
    hoursPerWeek: z.optional(whole("Time per week", MAX_HOURS_PER_WEEK)),
    /** The new last day of the path (YYYY-MM-DD); needs the path's start date. */
    endDate: z.optional(startDateSchema),
  })
  .check(
    z.refine((input) => input.hoursPerWeek !== undefined || input.endDate !== undefined, {
      error: "Give a new time per week, a new end date, or both",
      path: ["hoursPerWeek"],
    }),
  );
export type ReplanInput = z.infer<typeof replanSchema>;
