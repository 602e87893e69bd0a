import type { ReactNode } from "react";
import type { ScheduleWeek } from "@/lib/learning-path/path-schema";

// On a phone the table is laid out to the screen's width: the number columns are narrow
// and long words in the text columns wrap, so nothing has to scroll sideways.
const HEADINGS = {
  Week: "w-12 py-2 pr-2 sm:w-auto sm:pr-4",
  Milestone: "py-2 pr-2 sm:pr-4",
  Focus: "py-2 pr-2 sm:pr-4",
  Hours: "w-12 py-2 sm:w-auto",
} as const;

type Props = { schedule: ScheduleWeek[]; weekControl?: (week: number) => ReactNode };

/** The week-by-week plan as a table; it scrolls sideways only if a screen is narrower still. */
export function ScheduleTable({ schedule, weekControl }: Props) {
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full table-fixed text-left text-sm wrap-anywhere sm:table-auto"
        data-testid="schedule"
      >
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            {weekControl && (
              <th scope="col" className="w-12 py-2 pr-2 font-medium">
                Done
              </th>
            )}
            {Object.entries(HEADINGS).map(([heading, className]) => (
              <th key={heading} scope="col" className={`${className} font-medium`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {schedule.map((week) => (
            <tr
              key={week.week}
              className="border-t border-slate-100 dark:border-slate-800 align-top break-inside-avoid"
            >
              {weekControl && <td className="py-2 pr-2">{weekControl(week.week)}</td>}
              <td className="py-2 pr-2 tabular-nums sm:pr-4">{week.week}</td>
              <td className="py-2 pr-2 sm:pr-4">{week.milestone}</td>
              <td className="py-2 pr-2 text-slate-600 sm:pr-4 dark:text-slate-300">{week.focus}</td>
              <td className="py-2 tabular-nums">{week.hours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
