"use client";

import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import type { ReplanRequest } from "@/lib/browser-api";
import { replanSchema } from "@/lib/learning-path/adaptation-schema";
import { MAX_HOURS_PER_WEEK } from "@/lib/learning-path/request-schema";

const FIELD =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800";

type Props = {
  open: boolean;
  hoursPerWeek: number;
  /** An end date needs the day week 1 started; without one only the hours can change. */
  startDate: string | null;
  /** The earliest end date worth offering (YYYY-MM-DD): today. */
  today: string;
  onReplan: (request: ReplanRequest) => void;
  onCancel: () => void;
};

/**
 * Reads the form with the server's own schema: the hours only when they changed, the end
 * date only when one was picked. Neither is refused here: the API would re-plan the same
 * time from this week, but a learner who pressed Re-plan without a change meant to give one.
 */
function readReplan(
  form: FormData,
  hoursPerWeek: number,
): { request: ReplanRequest; error?: undefined } | { error: string } {
  const hours = Number(form.get("hoursPerWeek"));
  const endDate = String(form.get("endDate") ?? "");
  if (hours === hoursPerWeek && !endDate) {
    return { error: "Give a new time per week, a new end date, or both" };
  }
  const parsed = replanSchema.safeParse({
    hoursPerWeek: hours === hoursPerWeek ? undefined : hours,
    endDate: endDate || undefined,
  });
  if (parsed.success) return { request: parsed.data };
  return { error: parsed.error.issues[0]?.message ?? "Check the hours and the date." };
}

/** Asks for new hours per week and/or an end date before the rest of the path is re-planned. */
export function ReplanDialog({ open, hoursPerWeek, startDate, today, onReplan, onCancel }: Props) {
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      open={open}
      testId="replan-dialog"
      title="Re-plan from here"
      description="Finished milestones, their weeks and your ticks stay as they are. The weeks still to come are planned again with the time you have now."
      submitLabel="Re-plan"
      error={error}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      onSubmit={(form) => {
        const read = readReplan(form, hoursPerWeek);
        if (read.error !== undefined) setError(read.error);
        else {
          setError(null);
          onReplan(read.request);
        }
      }}
    >
      <label className="block text-sm font-medium">
        Hours per week
        <input
          type="number"
          name="hoursPerWeek"
          required
          min={1}
          max={MAX_HOURS_PER_WEEK}
          step={1}
          defaultValue={hoursPerWeek}
          className={FIELD}
        />
      </label>
      {startDate ? (
        <label className="block text-sm font-medium">
          Finish by (optional)
          <input type="date" name="endDate" min={today} max="2100-12-31" className={FIELD} />
        </label>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Set your start date on the page to pick an end date as well.
        </p>
      )}
    </FormDialog>
  );
}
