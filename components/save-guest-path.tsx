"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { BrowserApiError, saveGuestPathToAccount } from "@/lib/browser-api";
import { loadGuestPath } from "@/lib/guest/load";
import { clearGuestPath } from "@/lib/guest/storage";
import type { LearningPath } from "@/lib/learning-path/path-schema";

const SAVE_FAILED = "Could not save the path. Please try again.";

/** The learner's own today, for the date field's default. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** After signing in, asks when the learner starts, saves the tab's guest path, then opens it. */
export function SaveGuestPath() {
  const router = useRouter();
  const [path, setPath] = useState<LearningPath | null | undefined>(undefined);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const found = loadGuestPath() ?? null;
    setPath(found);
    if (!found) setMessage("There is no unsaved learning path in this tab.");
  }, []);

  async function save(form: FormData) {
    if (!path) return;
    setBusy(true);
    setMessage("Saving your learning path...");
    try {
      const { redirectUrl } = await saveGuestPathToAccount(path, String(form.get("startDate")));
      clearGuestPath();
      router.replace(redirectUrl);
    } catch (error) {
      setMessage(error instanceof BrowserApiError ? error.message : SAVE_FAILED);
      setBusy(false);
    }
  }

  return (
    <div className="mx-auto max-w-xl rounded-2xl bg-white dark:bg-slate-900 p-8 text-center shadow-sm ring-1 ring-slate-200 dark:ring-slate-700">
      {path && (
        <form action={save} className="flex flex-col items-center gap-3">
          <p className="font-semibold">{path.title}</p>
          <label className="text-sm font-medium">
            When do you start?
            <input
              type="date"
              name="startDate"
              required
              min="1970-01-01"
              max="2100-12-31"
              defaultValue={localToday()}
              className="mt-1 block rounded-lg border border-slate-300 dark:border-slate-600 dark:bg-slate-800 px-2 py-1.5"
            />
          </label>
          <button
            type="submit"
            disabled={busy}
            data-testid="save-guest-confirm"
            className="rounded-lg bg-violet-700 px-4 py-2 font-semibold text-white hover:bg-violet-800 disabled:opacity-60"
          >
            Save path
          </button>
        </form>
      )}
      <p role="status" data-testid="save-guest-status" className="mt-3">
        {message}
      </p>
      <Link
        href="/paths"
        className="mt-4 inline-block font-medium text-violet-700 dark:text-violet-300 hover:underline"
      >
        My paths
      </Link>
    </div>
  );
}
