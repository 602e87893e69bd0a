"use client";

import { useState } from "react";
import { BrowserApiError, changeSavedPath } from "@/lib/browser-api";
import { StartDateInput, useLocalToday } from "../start-date-input";

const SAVE_FAILED = "Could not save the start date. Please try again.";

type Props = { id: string; startDate: string | null; onSaved: (startDate: string) => void };

/** Sets or changes the day week 1 starts; unset, it offers the learner's today. */
export function StartDateForm({ id, startDate, onSaved }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = useLocalToday();

  async function save(form: FormData) {
    const value = String(form.get("startDate") ?? "");
    setBusy(true);
    setError(null);
    try {
      await changeSavedPath(id, { startDate: value });
      onSaved(value);
    } catch (caught) {
      setError(caught instanceof BrowserApiError ? caught.message : SAVE_FAILED);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      action={save}
      className="mt-3 flex flex-wrap items-end gap-2 print:hidden"
      aria-busy={busy}
    >
      <StartDateInput
        label={startDate ? "Start date" : "When do you start?"}
        stacked
        name="startDate"
        required
        defaultValue={startDate ?? today}
      />
      <button
        type="submit"
        disabled={busy}
        className="rounded-lg bg-violet-700 px-3 py-2 text-sm font-semibold text-white hover:bg-violet-800 disabled:opacity-60"
      >
        {startDate ? "Change start date" : "Set start date"}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
