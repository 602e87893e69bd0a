import type { FieldIssue } from "@/lib/errors/field-issues";
import type { PrefilledAnswers } from "@/lib/learning-path/prefill";
import type { SkillOption } from "../skill-picker";
import { ChoiceFieldset } from "./choice-fieldset";
import { LEVEL_CHOICES, STYLE_CHOICES } from "./choices";
import { issueFor } from "./field-error";
import { GoalsField } from "./goals-field";
import { TimeFields } from "./time-fields";
import { TopicField } from "./topic-field";

type Props = {
  skills: SkillOption[];
  issues: FieldIssue[];
  /**
   * Answers to show instead of the defaults: a generation resumed after a reload, or the
   * answers a link carried (some may be missing: their fields keep the defaults).
   */
  initial?: PrefilledAnswers;
};

/**
 * What the learner is asked, each with its message when it needs attention. A fragment:
 * the form spaces its children evenly, these included.
 */
export function PathQuestions({ skills, issues, initial }: Props) {
  return (
    <>
      <TopicField skills={skills} error={issueFor(issues, "topic")} initial={initial?.topic} />
      <ChoiceFieldset
        legend="Your level"
        name="level"
        choices={LEVEL_CHOICES}
        gridClassName="grid-cols-2 gap-2 sm:grid-cols-4"
        error={issueFor(issues, "level")}
        initial={initial?.level}
      />
      <ChoiceFieldset
        legend="How do you learn best?"
        name="learningStyle"
        choices={STYLE_CHOICES}
        gridClassName="gap-2 sm:grid-cols-2"
        error={issueFor(issues, "learningStyle")}
        initial={initial?.learningStyle}
      />
      <TimeFields issues={issues} initial={initial} />
      <GoalsField error={issueFor(issues, "goals")} initial={initial?.goals} />
    </>
  );
}
