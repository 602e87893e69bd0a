import { PACE_LABELS, type WeekStanding } from "@/lib/learning-path/this-week";

/** The dashboard's line about a path's week and pace. */
export function PathPace({ standing }: { standing: WeekStanding | null }) {
  if (!standing) return <p data-testid="path-pace">No start date yet</p>;
  const week = standing.week === 0 ? "Starts soon" : `Week ${standing.week}`;
  return (
    <p data-testid="path-pace">
      {week} · <span className="font-semibold text-slate-800">{PACE_LABELS[standing.status]}</span>
    </p>
  );
}
