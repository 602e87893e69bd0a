type Props = { index: number; onRegenerate: (index: number) => void };

/**
 * Under each milestone of a saved path: ask for it again, differently. Never disabled:
 * while a change runs its modal dialog makes the page inert anyway, and a disabled button
 * could not take focus back when the dialog closes.
 */
export function MilestoneActions({ index, onRegenerate }: Props) {
  return (
    <div className="mt-3 print:hidden">
      <button
        type="button"
        onClick={() => onRegenerate(index)}
        aria-label={`Regenerate milestone ${index + 1}`}
        data-testid="regenerate-milestone"
        className="rounded-lg border border-violet-300 px-3 py-1.5 text-sm font-medium text-violet-800 hover:bg-violet-50 dark:border-violet-700 dark:text-violet-200 dark:hover:bg-violet-950"
      >
        Regenerate
      </button>
    </div>
  );
}
