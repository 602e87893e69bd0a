import type { FieldIssue } from "@/lib/errors/field-issues";
import type { SkillOption } from "../skill-picker";
import { ChoiceFieldset } from "./choice-fieldset";
import { LEVEL_CHOICES, STYLE_CHOICES } from "./choices";
import { issueFor } from "./field-error";
import { GoalsField } from "./goals-field";
import { TimeFields } from "./time-fields";
import { TopicField } from "./topic-field";

type Props = { skills: SkillOption[]; issues: FieldIssue[] };

/**
 * What the learner is asked, each with its message when it needs attention. A fragment:
 * the form spaces its children evenly, these included.
 */
export function PathQuestions({ skills, issues }: Props) {
  return (
    <>
      <TopicField skills={skills} error={issueFor(issues, "topic")} />
      <ChoiceFieldset
        legend="Your level"
        name="level"
        choices={LEVEL_CHOICES}
        gridClassName="grid-cols-2 gap-2 sm:grid-cols-4"
        error={issueFor(issues, "level")}
      />
      <ChoiceFieldset
        legend="How do you learn best?"
        name="learningStyle"
        choices={STYLE_CHOICES}
        gridClassName="gap-2 sm:grid-cols-2"
        error={issueFor(issues, "learningStyle")}
      />
      <TimeFields issues={issues} />
      <GoalsField error={issueFor(issues, "goals")} />
    </>
  );
}
