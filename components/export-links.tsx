"use client";

import { useState } from "react";

/** Download links for a saved path; the calendar starts on the date the learner picks. */
export function ExportLinks({ id }: { id: string }) {
  const [start, setStart] = useState(() => new Date().toISOString().slice(0, 10));
  const base = `/api/paths/${id}/export`;
  const link = "font-medium text-violet-700 dark:text-violet-300 hover:underline";
  return (
    <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" data-testid="exports">
      <span className="font-medium text-slate-600 dark:text-slate-300">Export:</span>
      <a href={`${base}?format=md`} className={link} download>
        Markdown
      </a>
      <a href={`${base}?format=json`} className={link} download>
        JSON
      </a>
      <span className="flex items-center gap-2">
        <label htmlFor="calendar-start" className="text-slate-600 dark:text-slate-300">
          Calendar from
        </label>
        <input
          id="calendar-start"
          type="date"
          value={start}
          onChange={(event) => setStart(event.target.value)}
          className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1"
        />
        <a href={`${base}?format=ics&start=${start}`} className={link} download>
          .ics
        </a>
      </span>
    </div>
  );
}
