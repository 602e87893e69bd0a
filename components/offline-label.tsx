type Props = { className?: string };

/**
 * A small label saying paths come from the built-in planner, not from AI. It speaks to
 * learners only: how to switch AI on is for whoever runs the app (README, start-up log).
 */
export function OfflineLabel({ className = "" }: Props) {
  return (
    <p
      data-testid="offline-label"
      className={`print:hidden inline-flex flex-wrap items-center gap-x-2 rounded-full bg-amber-100 px-3 py-1 text-sm text-amber-900 dark:bg-amber-900/50 dark:text-amber-100 ${className}`}
    >
      <span className="font-semibold">Built-in planner</span>
      <span>made from a catalog of popular skills, not by AI</span>
    </p>
  );
}
