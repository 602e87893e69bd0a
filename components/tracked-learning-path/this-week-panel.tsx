import type { LearningPath } from "@/lib/learning-path/path-schema";
import type { PathProgress } from "@/lib/learning-path/progress";
import { PACE_LABELS, type WeekStanding } from "@/lib/learning-path/this-week";

type Props = { path: LearningPath; progress: PathProgress; standing: WeekStanding };

const hours = (value: number) => `${Math.round(value * 10) / 10} h`;

const PACE_STYLES = {
  "not-started": "bg-slate-100 text-slate-800",
  ahead: "bg-emerald-100 text-emerald-900",
  "on-track": "bg-violet-100 text-violet-900",
  behind: "bg-amber-100 text-amber-900",
  finished: "bg-emerald-100 text-emerald-900",
} as const;

function WeekHeading({ standing, weeks }: { standing: WeekStanding; weeks: number }) {
  if (standing.week === 0) return <>Your path has not started yet</>;
  if (standing.pastEnd)
    return (
      <>
        Week {standing.week}: the plan's {weeks} weeks are over
      </>
    );
  return (
    <>
      Week {standing.week} of {weeks}
    </>
  );
}

/** What to do now: this week's milestones and resources, and the pace so far. */
export function ThisWeekPanel({ path, progress, standing }: Props) {
  const focus = standing.week === 0 ? [0] : standing.milestones;
  return (
    <div data-testid="this-week">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-xl font-semibold" data-testid="this-week-heading">
          <WeekHeading standing={standing} weeks={path.durationWeeks} />
        </h2>
        <span
          className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${PACE_STYLES[standing.status]}`}
          data-testid="pace"
        >
          {PACE_LABELS[standing.status]}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid="pace-hours">
        {hours(standing.hoursDone)} done of {hours(standing.plannedHours)} planned by the end of
        this week.
      </p>
      {standing.plan && <p className="mt-2">Focus: {standing.plan.focus}</p>}
      {focus.map((m) => {
        const milestone = path.milestones[m];
        if (!milestone) return null;
        const open = milestone.resources.filter(
          (_, r) => !progress.resources.includes(`${m}:${r}`),
        );
        return (
          <div key={m} className="mt-2">
            <p className="font-medium">
              {standing.week === 0 ? "First up" : "Now"}: {m + 1}. {milestone.title}
            </p>
            {open.length > 0 && (
              <ul className="ml-5 list-disc text-sm text-slate-700 dark:text-slate-300">
                {open.map((resource) => (
                  <li key={resource.url + resource.title}>
                    <a
                      href={resource.url}
                      className="text-violet-700 dark:text-violet-300 hover:underline"
                      rel="noopener noreferrer"
                      target="_blank"
                    >
                      {resource.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
