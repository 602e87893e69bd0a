"use client";

import { type FormEvent, useState } from "react";
import { downloadFile, exportGuestPath } from "@/lib/guest/export";
import { pathExportRequestSchema } from "@/lib/learning-path/export";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { ExportBar, exportActionClass } from "./export-bar";
import { StartDateInput, useLocalToday } from "./start-date-input";

/**
 * A guest's exports, the same files a saved path gives, built in this browser from the
 * tab's path: nothing is sent to the server.
 */
export function GuestExports({ path }: { path: LearningPath }) {
  const today = useLocalToday();
  const [error, setError] = useState<string | null>(null);

  function download(request: unknown) {
    // The same rules as the server's export route, start date bounds included.
    const parsed = pathExportRequestSchema.safeParse(request);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Choose a start date");
      return;
    }
    setError(null);
    downloadFile(exportGuestPath(path, parsed.data));
  }

  function downloadCalendar(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    download({ format: "ics", start: new FormData(event.currentTarget).get("start") });
  }

  return (
    <ExportBar testId="guest-exports">
      <button
        type="button"
        className={exportActionClass}
        onClick={() => download({ format: "md" })}
      >
        Markdown
      </button>
      <button
        type="button"
        className={exportActionClass}
        onClick={() => download({ format: "json" })}
      >
        JSON
      </button>
      <form onSubmit={downloadCalendar} className="flex items-center gap-2" noValidate>
        <StartDateInput
          label={<span className="text-slate-600 dark:text-slate-300">Calendar from</span>}
          name="start"
          defaultValue={today}
        />
        <button type="submit" className={exportActionClass}>
          .ics
        </button>
      </form>
      {error && (
        <p role="alert" className="w-full text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </ExportBar>
  );
}
