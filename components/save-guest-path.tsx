"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { BrowserApiError, saveGuestPathToAccount } from "@/lib/browser-api";
import { loadGuestPath } from "@/lib/guest/load";
import { clearGuestPath } from "@/lib/guest/storage";
import type { LearningPath } from "@/lib/learning-path/path-schema";

import { StartDateInput, useLocalToday } from "./start-date-input";

const SAVE_FAILED = "Could not save the path. Please try again.";

/** After signing in, asks when the learner starts, saves the tab's guest path, then opens it. */
export function SaveGuestPath() {
  const router = useRouter();
  const [path, setPath] = useState<LearningPath | null | undefined>(undefined);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const today = useLocalToday();

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
          <StartDateInput
            label="When do you start?"
            stacked
            name="startDate"
            required
            defaultValue={today}
          />
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
