import type { ReactNode } from "react";
import { PrintButton } from "./print-button";

/** The line of ways to take a path away: its export formats, then Print. Not printed itself. */
export function ExportBar({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div
      className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm print:hidden"
      data-testid={testId}
    >
      <span className="font-medium text-slate-600 dark:text-slate-300">Export:</span>
      {children}
      <PrintButton />
    </div>
  );
}

/** How an export format looks in the bar, as a link or a button. */
export const exportActionClass =
  "font-medium text-violet-700 dark:text-violet-300 hover:underline underline-offset-2";
