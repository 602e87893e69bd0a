"use client";

import { useRef, useState } from "react";
import { setPathCalendarFeed } from "@/lib/browser-api";
import { useOrigin } from "./use-origin";

type Props = {
  id: string;
  /** The feed's site-relative URL, null while there is none. */
  initialUrl: string | null;
  /** Without a start date the feed has no events yet: say so. */
  hasStartDate: boolean;
};

const button =
  "rounded-lg border border-slate-300 dark:border-slate-600 px-3 py-1.5 font-medium hover:bg-slate-50 dark:hover:bg-slate-800";

/**
 * The owner's calendar feed: a secret URL a calendar app subscribes to, so the weeks of
 * the path appear there and follow any change. Stopping it makes the URL a 404; turning
 * it on again gives a new URL.
 */
export function CalendarFeed({ id, initialUrl, hasStartDate }: Props) {
  const [url, setUrl] = useState(initialUrl);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const field = useRef<HTMLInputElement>(null);
  const origin = useOrigin();

  async function publish(published: boolean) {
    setBusy(true);
    setMessage("");
    try {
      setUrl(await setPathCalendarFeed(id, published));
      setMessage(published ? "" : "The feed is stopped; its URL no longer works.");
    } catch {
      setMessage("Could not change the calendar feed. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  const absolute = url && origin ? new URL(url, origin).href : url;

  async function copy() {
    if (!absolute) return;
    try {
      await navigator.clipboard.writeText(absolute);
      setMessage("Copied. Paste it where your calendar app adds a calendar by URL.");
    } catch {
      // No clipboard (an insecure origin, a refused permission): leave the URL selected.
      field.current?.select();
      setMessage("Copying was not allowed: the URL is selected, copy it with Ctrl+C or ⌘C.");
    }
  }

  return (
    <div className="mt-4 text-sm" data-testid="calendar-feed">
      {absolute ? (
        <>
          <label htmlFor="calendar-feed-url" className="font-medium">
            Calendar feed URL (keep it private: anyone with it sees the schedule)
          </label>
          <div className="mt-2 flex flex-wrap gap-2">
            <input
              id="calendar-feed-url"
              ref={field}
              readOnly
              value={absolute}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 basis-64 rounded border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
              data-testid="calendar-feed-url"
            />
            <button type="button" onClick={copy} className={button}>
              Copy
            </button>
            <button type="button" onClick={() => publish(false)} disabled={busy} className={button}>
              Stop the feed
            </button>
          </div>
        </>
      ) : (
        <button type="button" onClick={() => publish(true)} disabled={busy} className={button}>
          Subscribe in a calendar
        </button>
      )}
      <p className="mt-2 text-slate-600 dark:text-slate-300" data-testid="calendar-feed-hint">
        {hasStartDate
          ? "Your calendar app shows one event per week and picks up changes to this path when it refreshes."
          : "The feed shows the weeks once this path has a start date: pick the day you start above."}
      </p>
      <p role="status" className="mt-1 min-h-5" data-testid="calendar-feed-message">
        {message}
      </p>
    </div>
  );
}
