"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { BrowserApiError, saveGuestPathToAccount } from "@/lib/browser-api";
import { loadGuestPath } from "@/lib/guest/load";
import { clearGuestPath } from "@/lib/guest/storage";

const SAVE_FAILED = "Could not save the path. Please try again.";

/** After signing in, saves the path this tab generated as a guest, then opens it. */
export function SaveGuestPath() {
  const router = useRouter();
  const [message, setMessage] = useState("Saving your learning path...");
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const path = loadGuestPath();
    if (!path) {
      setMessage("There is no unsaved learning path in this tab.");
      return;
    }
    saveGuestPathToAccount(path).then(
      ({ redirectUrl }) => {
        clearGuestPath();
        router.replace(redirectUrl);
      },
      (error: unknown) => {
        setMessage(error instanceof BrowserApiError ? error.message : SAVE_FAILED);
      },
    );
  }, [router]);

  return (
    <div className="mx-auto max-w-xl rounded-2xl bg-white dark:bg-slate-900 p-8 text-center shadow-sm ring-1 ring-slate-200 dark:ring-slate-700">
      <p data-testid="save-guest-status">{message}</p>
      <Link
        href="/paths"
        className="mt-4 inline-block font-medium text-violet-700 dark:text-violet-300 hover:underline"
      >
        My paths
      </Link>
    </div>
  );
}
