// A small ring filled to a percentage, for the dashboard. The number is spoken from the
// label; the drawing itself is decoration.

import type { SVGProps } from "react";

const RADIUS = 16;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** One ring around the centre: the track, or the filled arc drawn over it. */
function Ring(props: SVGProps<SVGCircleElement>) {
  return <circle cx="20" cy="20" r={RADIUS} fill="none" strokeWidth="5" {...props} />;
}

export function ProgressRing({ value }: { value: number }) {
  const filled = (Math.min(100, Math.max(0, value)) / 100) * CIRCUMFERENCE;
  return (
    <svg
      width="44"
      height="44"
      viewBox="0 0 40 40"
      role="img"
      aria-label={`${value}% complete`}
      data-testid="progress-ring"
      data-value={value}
      className="shrink-0"
    >
      <Ring className="stroke-slate-200 dark:stroke-slate-700" />
      <Ring
        strokeLinecap="round"
        strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
        transform="rotate(-90 20 20)"
        className={value >= 100 ? "stroke-emerald-600" : "stroke-violet-600"}
      />
      <text
        x="20"
        y="24"
        textAnchor="middle"
        className="fill-slate-700 dark:fill-slate-200 text-[10px] font-semibold"
      >
        {value}
      </text>
    </svg>
  );
}
