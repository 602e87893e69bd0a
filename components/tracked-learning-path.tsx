"use client";

import { useState } from "react";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { completionPercent, type PathProgress, resourceKey } from "@/lib/learning-path/progress";
import { weekStanding } from "@/lib/learning-path/this-week";
import { LearningPathView } from "./learning-path-view";
import { PathTimeline } from "./learning-path-view/path-timeline";
import { AdaptationBar } from "./path-adaptation/adaptation-bar";
import { AdaptationDialogs } from "./path-adaptation/adaptation-dialogs";
import { MilestoneActions } from "./path-adaptation/milestone-actions";
import { PathVersions } from "./path-adaptation/path-versions";
import { usePathAdaptation } from "./path-adaptation/use-path-adaptation";
import { ProgressPanel } from "./tracked-learning-path/progress-panel";
import { StartDateForm } from "./tracked-learning-path/start-date-form";
import { ThisWeekPanel } from "./tracked-learning-path/this-week-panel";
import { useProgressSaving } from "./tracked-learning-path/use-progress-saving";

type Props = {
  id: string;
  path: LearningPath;
  initialProgress: PathProgress;
  shareUrl: string | null;
  calendarFeedUrl: string | null;
  startDate: string | null;
  /** The server's today (YYYY-MM-DD, UTC), so the page and the dashboard agree. */
  today: string;
};

const box = "h-5 w-5 accent-violet-600";

/**
 * A saved path with this week's plan, done checkboxes, the learner's progress and exports,
 * and the ways to change it (regenerate a milestone, re-plan, undo, versions).
 */
export function TrackedLearningPath({
  id,
  path,
  initialProgress,
  shareUrl,
  calendarFeedUrl,
  today,
  ...rest
}: Props) {
  const { progress, error, announcement, change, saving } = useProgressSaving(
    id,
    path,
    initialProgress,
  );
  const [startDate, setStartDate] = useState(rest.startDate);
  const standing = startDate ? weekStanding(path, progress, startDate, today) : undefined;
  const adaptation = usePathAdaptation(id);

  return (
    <>
      <section
        aria-label="This week"
        className="mb-6 rounded-2xl bg-white dark:bg-slate-900 p-5 shadow-sm ring-1 ring-slate-200 dark:ring-slate-700"
      >
        {standing ? (
          <ThisWeekPanel path={path} progress={progress} standing={standing} />
        ) : (
          <p data-testid="no-start-date">Pick the day you start to see what to do each week.</p>
        )}
        <StartDateForm id={id} startDate={startDate} onSaved={setStartDate} />
      </section>
      <AdaptationBar adaptation={adaptation} />
      <LearningPathView
        path={path}
        controls={{
          header: (
            <ProgressPanel
              id={id}
              completion={completionPercent(path, progress)}
              shareUrl={shareUrl}
              calendarFeed={{ url: calendarFeedUrl, hasStartDate: startDate !== null }}
              error={error}
              announcement={announcement}
              saving={saving}
            />
          ),
          timeline: <PathTimeline path={path} progress={progress} currentWeek={standing?.week} />,
          milestone: (index) => (
            <input
              type="checkbox"
              aria-label={`Milestone ${index + 1} done`}
              checked={progress.milestones.includes(index)}
              onChange={(event) =>
                change({ kind: "milestone", milestone: index, done: event.target.checked })
              }
              className={`mt-1.5 ${box}`}
            />
          ),
          milestoneActions: (index) => (
            <MilestoneActions
              index={index}
              onRegenerate={(milestone) => adaptation.ask({ kind: "regenerate", index: milestone })}
            />
          ),
          resource: (milestone, resource) => (
            <input
              type="checkbox"
              aria-label={`${path.milestones[milestone]?.resources[resource]?.title ?? "Resource"} done`}
              checked={progress.resources.includes(resourceKey(milestone, resource))}
              onChange={(event) =>
                change({ kind: "resource", milestone, resource, done: event.target.checked })
              }
              className="h-4 w-4 accent-violet-600"
            />
          ),
          week: (week) => (
            <input
              type="checkbox"
              aria-label={`Week ${week} done`}
              checked={progress.weeks.includes(week)}
              onChange={(event) => change({ kind: "week", week, done: event.target.checked })}
              className={box}
            />
          ),
        }}
      />
      <PathVersions versions={adaptation.versions} />
      <AdaptationDialogs adaptation={adaptation} path={path} startDate={startDate} today={today} />
    </>
  );
}
