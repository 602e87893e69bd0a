import { type FieldIssue, toFieldIssues } from "@/lib/errors/field-issues";
import {
  type LearningPathRequest,
  learningPathRequestSchema,
} from "@/lib/learning-path/request-schema";

type ReadForm =
  | { request: LearningPathRequest; live: boolean; issues?: undefined }
  | { issues: FieldIssue[] };

/**
 * The form's answers checked by the same schema the server uses, plus the real-time
 * choice; or the issues to show beside the fields.
 */
export function readForm(form: HTMLFormElement): ReadForm {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  const parsed = learningPathRequestSchema.safeParse({
    topic: text("topic"),
    level: text("level"),
    learningStyle: text("learningStyle"),
    durationWeeks: text("durationWeeks"),
    hoursPerWeek: text("hoursPerWeek"),
    goals: text("goals")
      .split(/\n/)
      .map((goal) => goal.trim())
      .filter(Boolean),
  });
  if (!parsed.success) return { issues: toFieldIssues(parsed.error) };
  return { request: parsed.data, live: data.get("streaming") === "on" };
}

/** Moves focus to the first field that needs attention, so the learner lands on it. */
export function focusFirstIssue(form: HTMLFormElement, issues: FieldIssue[]): void {
  const first = issues[0]?.field.split(".")[0];
  if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
}
