import { ProgressBar } from "@/components/ui/progress-bar";
import { CalendarFeed } from "../calendar-feed";
import { ExportLinks } from "../export-links";
import { ShareToggle } from "../share-toggle";

type Props = {
  id: string;
  completion: number;
  shareUrl: string | null;
  /** The calendar feed's URL (null while off), and whether it has weeks to show yet. */
  calendarFeed: { url: string | null; hasStartDate: boolean };
  error: string | null;
  /** What the last milestone tick did to its resources ("Marked 3 resources done"). */
  announcement: string;
  /** Ticks are still being saved: the figures may change (aria-busy). */
  saving: boolean;
};

/** Under the path's title: how complete it is (weighted by hours), what a tick did, exports, sharing, and a failed save. */
export function ProgressPanel({
  id,
  completion,
  shareUrl,
  calendarFeed,
  error,
  announcement,
  saving,
}: Props) {
  return (
    <div
      className="mt-5 rounded-xl bg-white dark:bg-slate-900 p-4 ring-1 ring-slate-200 dark:ring-slate-700"
      data-testid="completion"
      aria-busy={saving}
    >
      <div className="mb-2 flex justify-between text-sm font-medium">
        <span>Your progress</span>
        <span data-testid="completion-value">{completion}% complete</span>
      </div>
      <ProgressBar value={completion} label="Path completion" />
      <p
        role="status"
        className="mt-2 min-h-5 text-sm text-slate-600 dark:text-slate-300"
        data-testid="tick-message"
      >
        {announcement}
      </p>
      <ExportLinks id={id} />
      <ShareToggle id={id} initialUrl={shareUrl} />
      <CalendarFeed
        id={id}
        initialUrl={calendarFeed.url}
        hasStartDate={calendarFeed.hasStartDate}
      />
      {error && (
        <p
          role="status"
          className="mt-2 text-sm text-red-700 dark:text-red-300"
          data-testid="progress-error"
        >
          {error}
        </p>
      )}
    </div>
  );
}
