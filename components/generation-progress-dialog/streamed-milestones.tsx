import type { StreamedMilestone } from "../generation-state";

/**
 * The milestones the model has written so far, in order as they arrive, each with its
 * resources once the resources stage has found them. The resources are a line of text,
 * not a nested list: the list's items are the milestones only.
 */
export function StreamedMilestones({ milestones }: { milestones: StreamedMilestone[] }) {
  if (milestones.length === 0) return null;
  return (
    <div className="mt-5">
      <h3 className="text-sm font-medium text-slate-600 dark:text-slate-300">Milestones so far</h3>
      <ol
        data-testid="streamed-milestones"
        className="mt-2 max-h-[40vh] space-y-2 overflow-y-auto text-sm"
      >
        {milestones.map((milestone, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at its end, so the position is the identity
            key={`${index}-${milestone.title}`}
            className="animate-fade-in flex gap-2 motion-reduce:animate-none"
          >
            <span className="font-semibold text-violet-700 dark:text-violet-300">{index + 1}.</span>
            <span className="min-w-0">
              <span className="block">{milestone.title}</span>
              {milestone.resources.length > 0 && (
                <span
                  data-testid="streamed-resources"
                  className="animate-fade-in mt-0.5 block text-xs text-slate-500 dark:text-slate-400 motion-reduce:animate-none"
                >
                  <span className="sr-only">Resources: </span>
                  {milestone.resources.join(" · ")}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
