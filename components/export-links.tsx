"use client";

import { useState } from "react";
import { ExportBar, exportActionClass } from "./export-bar";
import { StartDateInput, useLocalToday } from "./start-date-input";

/** Download links for a saved path; the calendar starts on the date the learner picks. */
export function ExportLinks({ id }: { id: string }) {
  const today = useLocalToday();
  const [picked, setPicked] = useState<string | null>(null);
  const start = picked ?? today;
  const base = `/api/paths/${id}/export`;
  return (
    <ExportBar testId="exports">
      <a href={`${base}?format=md`} className={exportActionClass} download>
        Markdown
      </a>
      <a href={`${base}?format=json`} className={exportActionClass} download>
        JSON
      </a>
      <span className="flex items-center gap-2">
        <StartDateInput
          label={<span className="text-slate-600 dark:text-slate-300">Calendar from</span>}
          id="calendar-start"
          value={start}
          onChange={(event) => setPicked(event.target.value)}
        />
        <a href={`${base}?format=ics&start=${start}`} className={exportActionClass} download>
          .ics
        </a>
      </span>
    </ExportBar>
  );
}
