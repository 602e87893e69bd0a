type ProgressBarProps = { value: number; label: string; failed?: boolean };

/** An accessible progress bar whose width animates between reported values. */
export function ProgressBar({ value, label, failed = false }: ProgressBarProps) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      data-testid="progress-bar"
      data-state={failed ? "error" : "ok"}
      className="h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-500 ease-out motion-reduce:transition-none ${
          failed ? "bg-red-500" : "bg-gradient-to-r from-brand-from to-brand-to"
        }`}
        style={{ width: `${value}%` }}
      />
    </div>
  );
}
