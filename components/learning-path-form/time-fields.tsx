import type { FieldIssue } from "@/lib/errors/field-issues";
import { MAX_WEEKS } from "@/lib/learning-path/request-schema";
import { ChoiceFieldset } from "./choice-fieldset";
import { TIME_CHOICES } from "./choices";
import { errorAttributes, FieldError, issueFor } from "./field-error";

type Props = {
  issues: FieldIssue[];
  initial?: { durationWeeks?: number; hoursPerWeek?: number };
};

/** How long the path runs and how many hours a week go into it, side by side. */
export function TimeFields({ issues, initial }: Props) {
  const durationError = issueFor(issues, "durationWeeks");
  return (
    <div className="grid gap-6 sm:grid-cols-[10rem_1fr]">
      <div>
        <label htmlFor="durationWeeks" className="block font-medium">
          Duration (weeks)
        </label>
        <input
          id="durationWeeks"
          name="durationWeeks"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_WEEKS}
          defaultValue={initial?.durationWeeks ?? 8}
          {...errorAttributes("durationWeeks", durationError)}
          className="field mt-2"
        />
        <FieldError field="durationWeeks" error={durationError} />
      </div>
      <ChoiceFieldset
        legend="Time per week"
        name="hoursPerWeek"
        choices={TIME_CHOICES}
        gridClassName="grid-cols-2 gap-2"
        error={issueFor(issues, "hoursPerWeek")}
        initial={initial?.hoursPerWeek}
      />
    </div>
  );
}
