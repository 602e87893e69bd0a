import type { LearningPath } from "@/lib/learning-path/path-schema";
import { milestoneDoneShare, NO_PROGRESS, type PathProgress } from "@/lib/learning-path/progress";

// The plan as a picture: weeks across, one bar per milestone, each filled by how much of
// it is done, and today's week marked. Plain SVG with no script, so the server renders it
// and it prints. Positions are percentages of the width and text stays at its own size,
// so the same drawing reads on a 390 px phone and on a desktop.

const AXIS = 22;
const ROW = 42;

const pct = (value: number) => `${value.toFixed(3)}%`;

type Props = { path: LearningPath; progress?: PathProgress; currentWeek?: number };

function timelineText(path: LearningPath, progress: PathProgress, currentWeek?: number) {
  const rows = path.milestones.map((milestone, m) => {
    const share = Math.round(100 * milestoneDoneShare(path, progress, m));
    const weeks = `weeks ${milestone.weekStart} to ${milestone.weekEnd}`;
    return `Milestone ${m + 1}, ${milestone.title}: ${weeks}, ${share}% done.`;
  });
  const today = currentWeek ? ` This is week ${currentWeek}.` : "";
  return `${path.durationWeeks} weeks.${today} ${rows.join(" ")}`;
}

function WeekAxis({ weeks, currentWeek }: { weeks: number; currentWeek?: number }) {
  const every = Math.ceil(weeks / 12);
  return (
    <g className="fill-slate-500 dark:fill-slate-400 text-[11px]">
      {Array.from({ length: weeks }, (_, i) => i + 1)
        .filter((week) => week === 1 || week % every === 0 || week === currentWeek)
        .map((week) => (
          <text key={week} x={pct(((week - 0.5) / weeks) * 100)} y={14} textAnchor="middle">
            {week}
          </text>
        ))}
    </g>
  );
}

type BarProps = {
  milestone: LearningPath["milestones"][number];
  index: number;
  weeks: number;
  /** How much of the milestone is done, 0 to 1. */
  share: number;
};

/** One milestone's row: its title and share done, then its weeks as a bar filled by that share. */
function MilestoneBar({ milestone, index, weeks, share }: BarProps) {
  const x = ((milestone.weekStart - 1) / weeks) * 100;
  const span = ((milestone.weekEnd - milestone.weekStart + 1) / weeks) * 100;
  const y = AXIS + ROW * index;
  const fill = share >= 1 ? "fill-emerald-600" : "fill-violet-600";
  return (
    <g data-testid="timeline-bar" data-done={Math.round(share * 100)}>
      <text x="0" y={y + 12} className="fill-slate-700 dark:fill-slate-200 text-xs">
        {`${index + 1}. ${milestone.title.slice(0, 48)} · ${Math.round(share * 100)}%`}
      </text>
      <rect
        x={pct(x)}
        y={y + 18}
        width={pct(span)}
        height={14}
        rx={4}
        className="fill-violet-100 dark:fill-violet-950 stroke-violet-400"
      />
      {share > 0 && (
        <rect x={pct(x)} y={y + 18} width={pct(span * share)} height={14} rx={4} className={fill} />
      )}
    </g>
  );
}

export function PathTimeline({ path, progress = NO_PROGRESS, currentWeek }: Props) {
  const weeks = path.durationWeeks;
  const height = AXIS + ROW * path.milestones.length;
  const marked = currentWeek !== undefined && currentWeek >= 1 && currentWeek <= weeks;
  return (
    <figure className="mb-6 break-inside-avoid" data-testid="timeline">
      <svg
        width="100%"
        height={height}
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        className="overflow-visible"
      >
        <title id="timeline-title">Timeline of the weeks and milestones</title>
        <desc id="timeline-desc">{timelineText(path, progress, currentWeek)}</desc>
        {marked && (
          <rect
            data-testid="timeline-today"
            x={pct(((currentWeek - 1) / weeks) * 100)}
            y={0}
            width={pct(100 / weeks)}
            height={height}
            className="fill-amber-100 dark:fill-amber-950 stroke-amber-500"
            strokeDasharray="4 3"
          />
        )}
        <WeekAxis weeks={weeks} currentWeek={currentWeek} />
        {path.milestones.map((milestone, m) => (
          <MilestoneBar
            key={milestone.weekStart}
            milestone={milestone}
            index={m}
            weeks={weeks}
            share={milestoneDoneShare(path, progress, m)}
          />
        ))}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        Bars show each milestone's weeks, filled by how much is done
        {marked ? "; the dashed column is this week." : "."}
      </figcaption>
    </figure>
  );
}
