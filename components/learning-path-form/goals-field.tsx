import { MAX_GOALS } from "@/lib/learning-path/request-schema";
import { errorAttributes, FieldError } from "./field-error";

/** Optional goals, one per line. */
export function GoalsField({ error, initial }: { error: string | undefined; initial?: string[] }) {
  return (
    <div>
      <label htmlFor="goals" className="block font-medium">
        Goals{" "}
        <span className="font-normal text-slate-500 dark:text-slate-400">
          (optional, one per line, up to {MAX_GOALS})
        </span>
      </label>
      <textarea
        id="goals"
        name="goals"
        rows={3}
        defaultValue={initial?.join("\n")}
        placeholder={"Build a portfolio project\nPass a job interview"}
        {...errorAttributes("goals", error)}
        className="field mt-2"
      />
      <FieldError field="goals" error={error} />
    </div>
  );
}
