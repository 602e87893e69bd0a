import type { ReactNode } from "react";
import type { ScheduleWeek } from "@/lib/learning-path/path-schema";

const HEADINGS = ["Week", "Milestone", "Focus", "Hours"] as const;

type Props = { schedule: ScheduleWeek[]; weekControl?: (week: number) => ReactNode };

/** The week-by-week plan as a table; it scrolls sideways on a narrow screen. */
export function ScheduleTable({ schedule, weekControl }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="schedule">
        <thead className="text-slate-500">
          <tr>
            {weekControl && (
              <th scope="col" className="py-2 pr-2 font-medium">
                Done
              </th>
            )}
            {HEADINGS.map((heading) => (
              <th
                key={heading}
                scope="col"
                className={heading === "Hours" ? "py-2 font-medium" : "py-2 pr-4 font-medium"}
              >
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {schedule.map((week) => (
            <tr key={week.week} className="border-t border-slate-100 align-top">
              {weekControl && <td className="py-2 pr-2">{weekControl(week.week)}</td>}
              <td className="py-2 pr-4 tabular-nums">{week.week}</td>
              <td className="py-2 pr-4">{week.milestone}</td>
              <td className="py-2 pr-4 text-slate-600">{week.focus}</td>
              <td className="py-2 tabular-nums">{week.hours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
