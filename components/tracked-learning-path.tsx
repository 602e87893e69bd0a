"use client";

import type { LearningPath } from "@/lib/learning-path/path-schema";
import { completionPercent, type PathProgress, resourceKey } from "@/lib/learning-path/progress";
import { LearningPathView } from "./learning-path-view";
import { ProgressPanel } from "./tracked-learning-path/progress-panel";
import { useProgressSaving } from "./tracked-learning-path/use-progress-saving";

type Props = {
  id: string;
  path: LearningPath;
  initialProgress: PathProgress;
  shareUrl: string | null;
};

/** A saved path with done checkboxes, the learner's progress and its exports. */
export function TrackedLearningPath({ id, path, initialProgress, shareUrl }: Props) {
  const { progress, error, change, saving } = useProgressSaving(id, initialProgress);
  const milestonesDone = new Set(progress.milestones);
  const resourcesDone = new Set(progress.resources);

  return (
    <LearningPathView
      path={path}
      controls={{
        header: (
          <ProgressPanel
            id={id}
            completion={completionPercent(path, progress)}
            shareUrl={shareUrl}
            error={error}
            saving={saving}
          />
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
