"use client";

import { useRef, useState } from "react";
import { saveProgressChange } from "@/lib/browser-api";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import {
  applyProgressChange,
  type PathProgress,
  type ProgressChange,
  resourcesChanged,
} from "@/lib/learning-path/progress";

const SAVE_FAILED = "Could not save your progress. Please try again.";

/**
 * A saved path's ticks. They show at once and are saved in the background; a tick the
 * server did not accept is rolled back with a message.
 */
export function useProgressSaving(id: string, path: LearningPath, initialProgress: PathProgress) {
  const [progress, setProgress] = useState(initialProgress);
  // The server drew the page again (after a regenerate, re-plan or undo changed the ticks
  // it holds): its progress replaces the one shown.
  const [shownInitial, setShownInitial] = useState(initialProgress);
  if (shownInitial !== initialProgress) {
    setShownInitial(initialProgress);
    setProgress(initialProgress);
  }
  const [error, setError] = useState<string | null>(null);
  // What a milestone tick did to its resources, for the live region.
  const [announcement, setAnnouncement] = useState("");

  // Saves on their way, and the number of the latest. The server's answer replaces the
  // shown state only when it answers the latest tick and no other save is out, so a
  // slow answer to an earlier tick never undoes a later one.
  const saving = useRef({ inFlight: 0, latest: 0 });
  // The same count as state, shown as aria-busy: assistive technology (and a test) can tell
  // when every answer has been handled and the ticks shown are final.
  const [savesPending, setSavesPending] = useState(0);

  async function change(update: ProgressChange) {
    const next = applyProgressChange(path, progress, update);
    setAnnouncement(
      update.kind === "milestone" ? resourcesMessage(update.done, progress, next) : "",
    );
    setProgress((current) => applyProgressChange(path, current, update));
    setError(null);
    setSavesPending((count) => count + 1);
    saving.current.inFlight += 1;
    const number = ++saving.current.latest;
    try {
      const saved = await saveProgressChange(id, update);
      if (saving.current.inFlight === 1 && number === saving.current.latest) {
        setProgress(saved.progress);
      }
    } catch {
      // Undo only this tick; ticks made since stay as they are.
      setProgress((current) =>
        applyProgressChange(path, current, { ...update, done: !update.done }),
      );
      setAnnouncement("");
      setError(SAVE_FAILED);
    } finally {
      saving.current.inFlight -= 1;
      setSavesPending((count) => count - 1);
    }
  }

  return { progress, error, announcement, change, saving: savesPending > 0 };
}

function resourcesMessage(done: boolean, before: PathProgress, after: PathProgress): string {
  const count = resourcesChanged(before, after);
  if (count === 0) return "";
  const resources = count === 1 ? "1 resource" : `${count} resources`;
  return done ? `Marked ${resources} done` : `Unmarked ${resources} ticked with the milestone`;
}
