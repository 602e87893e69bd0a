"use client";

import { useState } from "react";
import { type SkillOption, SkillPicker } from "../skill-picker";
import { errorAttributes, FieldError } from "./field-error";

type Props = { skills: SkillOption[]; error: string | undefined; initial?: string };

/** What to learn: typed in, or picked from the popular skills. */
export function TopicField({ skills, error, initial = "" }: Props) {
  const [topic, setTopic] = useState(initial);
  return (
    <div>
      <label htmlFor="topic" className="block font-medium">
        What do you want to learn?
      </label>
      <input
        id="topic"
        name="topic"
        value={topic}
        onChange={(event) => setTopic(event.target.value)}
        placeholder="e.g. Machine Learning, Spanish, React"
        maxLength={200}
        {...errorAttributes("topic", error)}
        className="field mt-2"
      />
      <FieldError field="topic" error={error} />
      <SkillPicker skills={skills} topic={topic} onPick={setTopic} />
    </div>
  );
}
