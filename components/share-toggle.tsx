"use client";

import { useRef, useState } from "react";
import { setPathSharing } from "@/lib/browser-api";
import { useOrigin } from "./use-origin";

type CopyState = "idle" | "copied" | "selected";

const COPY_MESSAGES: Record<CopyState, string> = {
  idle: "",
  copied: "Copied",
  // The clipboard was refused (no permission, an insecure origin): the link is selected
  // instead, so the learner's own copy command takes it.
  selected: "Link selected: press Ctrl+C (⌘C on a Mac) to copy it",
};

/**
 * Copies `text`, or when the browser refuses the clipboard selects `element`'s text for
 * the learner to copy themselves.
 */
async function copyOrSelect(text: string, element: HTMLElement | null): Promise<CopyState> {
  try {
    await navigator.clipboard.writeText(text);
    return "copied";
  } catch {
    if (element) window.getSelection()?.selectAllChildren(element);
    return "selected";
  }
}

/** Lets the owner turn a public read-only link on and off, and copy it. */
export function ShareToggle({ id, initialUrl }: { id: string; initialUrl: string | null }) {
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copy, setCopy] = useState<CopyState>("idle");
  const linkRef = useRef<HTMLAnchorElement>(null);
  const origin = useOrigin();

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      setUrl(await setPathSharing(id, !url));
      setCopy("idle");
    } catch {
      setError("Could not change sharing. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  const absolute = url && origin ? new URL(url, origin).href : url;
  const button =
    "rounded-lg border border-slate-300 dark:border-slate-600 px-3 py-1.5 font-medium hover:bg-slate-50 dark:hover:bg-slate-800";
  return (
    <div className="mt-3 text-sm print:hidden" data-testid="share">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={toggle} disabled={busy} className={button}>
          {url ? "Stop sharing" : "Share a read-only link"}
        </button>
        {absolute && (
          <button
            type="button"
            onClick={async () => {
              setCopy("idle"); // so a second copy is announced again
              setCopy(await copyOrSelect(absolute, linkRef.current));
            }}
            className={button}
            data-testid="copy-share-link"
          >
            Copy link
          </button>
        )}
        <span role="status" data-testid="copy-status" className="font-medium">
          {absolute ? COPY_MESSAGES[copy] : ""}
        </span>
      </div>
      {absolute && (
        <p className="mt-2 break-all">
          Anyone with this link can view the path (not your progress):{" "}
          <a
            ref={linkRef}
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
