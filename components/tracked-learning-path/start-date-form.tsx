"use client";

import { useState } from "react";
import { BrowserApiError, changeSavedPath } from "@/lib/browser-api";

const SAVE_FAILED = "Could not save the start date. Please try again.";

type Props = { id: string; startDate: string | null; onSaved: (startDate: string) => void };

/** Sets or changes the day week 1 starts. */
export function StartDateForm({ id, startDate, onSaved }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      <label className="text-sm font-medium">
        {startDate ? "Start date" : "When do you start?"}
        <input
          type="date"
          name="startDate"
          required
          min="1970-01-01"
          max="2100-12-31"
          defaultValue={startDate ?? ""}
          className="mt-1 block rounded-lg border border-slate-300 dark:border-slate-600 dark:bg-slate-800 px-2 py-1.5"
        />
      </label>
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
