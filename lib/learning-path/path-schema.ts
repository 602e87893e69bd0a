import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { LEARNING_STYLES, LEVELS, MAX_HOURS_PER_WEEK, MAX_WEEKS } from "./request-schema";

// The finished learning path. This is what the done frame carries, what the result
// page renders and what is saved for a signed-in user; LLM output is checked against it,
// and so is a guest's path sent back to be saved.

/** Only web links: a model-written `javascript:` or `file:` URL never reaches a page. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: "Links must be http(s) URLs" })
  .check(safeText("A link"));

/**
 * Every string of a path: safe text (lib/validation/safe-text.ts). Line breaks are let
 * through, also in titles, so that paths saved before this rule still read back; every
 * place that shows a title keeps it to one line itself (the Markdown export, the page).
 */
const text = () => z.string().check(safeText("This text", { multiLine: true }));

export const RESOURCE_TYPES = [
  "documentation",
  "video",
  "course",
  "article",
  "book",
  "podcast",
  "interactive",
  "project",
] as const;

/** The longest title a path or milestone may have. */
export const MAX_TITLE_LENGTH = 200;

export const resourceSchema = z.object({
  type: z.enum(RESOURCE_TYPES),
  title: text().min(1).max(200),
  url: httpUrlSchema,
  description: text().max(400),
  free: z.boolean(),
});

export const milestoneSchema = z.object({
  title: text().min(1).max(MAX_TITLE_LENGTH),
  description: text().max(1000),
  weekStart: z.number().int().min(1),
  weekEnd: z.number().int().min(1),
  estimatedHours: z.number().int().min(0),
  skillsGained: z.array(text().max(120)).max(12),
  resources: z.array(resourceSchema).min(1).max(4),
});

export const scheduleWeekSchema = z.object({
  week: z.number().int().min(1),
  milestone: text(),
  focus: text(),
  hours: z.number().int().min(0),
});

export const careerInsightsSchema = z.object({
  relatedRoles: z.array(text()).max(10),
  skillsInDemand: z.array(text()).max(12),
  salaryRange: z.object({ text: text(), region: text(), caveat: text() }),
  outlook: text(),
  nextSteps: z.array(text()).max(10),
});

export const learningPathSchema = z.object({
  title: text().min(1).max(MAX_TITLE_LENGTH),
  summary: text().max(2000),
  topic: text(),
  prerequisites: z.array(text().max(200)).max(12),
  level: z.enum(LEVELS),
  learningStyle: z.enum(LEARNING_STYLES),
  durationWeeks: z.number().int().min(1).max(MAX_WEEKS),
  hoursPerWeek: z.number().int().min(1).max(MAX_HOURS_PER_WEEK),
  totalHours: z.number().int().min(0),
  goals: z.array(text()),
  milestones: z.array(milestoneSchema).min(1),
  schedule: z.array(scheduleWeekSchema),
  careerInsights: careerInsightsSchema,
  generatedBy: z.object({
    provider: z.enum(["openai", "offline"]),
    model: text(),
  }),
  generatedAt: text(),
});

export type Resource = z.infer<typeof resourceSchema>;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export type Milestone = z.infer<typeof milestoneSchema>;
export type ScheduleWeek = z.infer<typeof scheduleWeekSchema>;
export type LearningPath = z.infer<typeof learningPathSchema>;
