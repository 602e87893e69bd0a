"use client";

import { useRef, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { saveProgressChange } from "@/lib/browser-api";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import {
  applyProgressChange,
  completionPercent,
  type PathProgress,
  type ProgressChange,
  resourceKey,
} from "@/lib/learning-path/progress";
import { ExportLinks } from "./export-links";
import { LearningPathView } from "./learning-path-view";
import { ShareToggle } from "./share-toggle";

type Props = {
  id: string;
  path: LearningPath;
  initialProgress: PathProgress;
  shareUrl: string | null;
};

const SAVE_FAILED = "Could not save your progress. Please try again.";

/**
 * A saved path with done checkboxes. Ticks show at once and are saved in the background;
 * a tick the server did not accept is rolled back with a message.
 */
export function TrackedLearningPath({ id, path, initialProgress, shareUrl }: Props) {
  const [progress, setProgress] = useState(initialProgress);
  const [error, setError] = useState<string | null>(null);

  // Saves on their way, and the number of the latest. The server's answer replaces the
  // shown state only when it answers the latest tick and no other save is out, so a
  // slow answer to an earlier tick never undoes a later one.
  const saving = useRef({ inFlight: 0, latest: 0 });

  async function change(update: ProgressChange) {
    setProgress((current) => applyProgressChange(current, update));
    setError(null);
    saving.current.inFlight += 1;
    const number = ++saving.current.latest;
    try {
      const saved = await saveProgressChange(id, update);
      if (saving.current.inFlight === 1 && number === saving.current.latest) {
        setProgress(saved.progress);
      }
    } catch {
      // Undo only this tick; ticks made since stay as they are.
      setProgress((current) => applyProgressChange(current, { ...update, done: !update.done }));
      setError(SAVE_FAILED);
    } finally {
      saving.current.inFlight -= 1;
    }
  }

  const milestonesDone = new Set(progress.milestones);
  const resourcesDone = new Set(progress.resources);
  const completion = completionPercent(path, progress);

  return (
    <LearningPathView
      path={path}
      controls={{
        header: (
          <div
            className="mt-5 rounded-xl bg-white p-4 ring-1 ring-slate-200"
            data-testid="completion"
          >
            <div className="mb-2 flex justify-between text-sm font-medium">
              <span>Your progress</span>
              <span data-testid="completion-value">{completion}% complete</span>
            </div>
            <ProgressBar value={completion} label="Path completion" />
            <ExportLinks id={id} />
            <ShareToggle id={id} initialUrl={shareUrl} />
            {error && (
              <p role="status" className="mt-2 text-sm text-red-700" data-testid="progress-error">
                {error}
              </p>
            )}
          </div>
        ),
        milestone: (index) => (
          <input
            type="checkbox"
            aria-label={`Milestone ${index + 1} done`}
            checked={milestonesDone.has(index)}
            onChange={(event) =>
              change({ kind: "milestone", milestone: index, done: event.target.checked })
            }
            className="mt-1.5 h-5 w-5 accent-violet-600"
          />
        ),
        resource: (milestone, resource) => (
          <input
            type="checkbox"
            aria-label={`${path.milestones[milestone]?.resources[resource]?.title ?? "Resource"} done`}
            checked={resourcesDone.has(resourceKey(milestone, resource))}
            onChange={(event) =>
              change({ kind: "resource", milestone, resource, done: event.target.checked })
            }
            className="h-4 w-4 accent-violet-600"
          />
        ),
      }}
    />
  );
}
