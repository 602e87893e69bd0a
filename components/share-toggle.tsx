"use client";

import { useState } from "react";
import { setPathSharing } from "@/lib/browser-api";
import { useOrigin } from "./use-origin";

/** Lets the owner turn a public read-only link on and off. */
export function ShareToggle({ id, initialUrl }: { id: string; initialUrl: string | null }) {
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const origin = useOrigin();

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      setUrl(await setPathSharing(id, !url));
    } catch {
      setError("Could not change sharing. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  const absolute = url && origin ? new URL(url, origin).href : url;
  return (
    <div className="mt-3 text-sm" data-testid="share">
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        className="rounded-lg border border-slate-300 dark:border-slate-600 px-3 py-1.5 font-medium hover:bg-slate-50 dark:hover:bg-slate-800"
      >
        {url ? "Stop sharing" : "Share a read-only link"}
      </button>
      {absolute && (
        <p className="mt-2 break-all">
          Anyone with this link can view the path (not your progress):{" "}
          <a
            href={absolute}
            className="text-violet-700 dark:text-violet-300 underline"
            data-testid="share-link"
          >
            {absolute}
          </a>
        </p>
      )}
      {error && (
        <p role="status" className="mt-2 text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
