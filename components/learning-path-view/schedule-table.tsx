import type { ScheduleWeek } from "@/lib/learning-path/path-schema";

const HEADINGS = ["Week", "Milestone", "Focus", "Hours"] as const;

/** The week-by-week plan as a table; it scrolls sideways on a narrow screen. */
export function ScheduleTable({ schedule }: { schedule: ScheduleWeek[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="schedule">
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
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
            <tr
              key={week.week}
              className="border-t border-slate-100 dark:border-slate-800 align-top"
            >
              <td className="py-2 pr-4 tabular-nums">{week.week}</td>
              <td className="py-2 pr-4">{week.milestone}</td>
              <td className="py-2 pr-4 text-slate-600 dark:text-slate-300">{week.focus}</td>
              <td className="py-2 tabular-nums">{week.hours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
