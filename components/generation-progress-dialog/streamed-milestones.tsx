/** The milestone titles the model has written so far, in order as they arrive. */
export function StreamedMilestones({ titles }: { titles: string[] }) {
  if (titles.length === 0) return null;
  return (
    <div className="mt-5">
      <h3 className="text-sm font-medium text-slate-600">Milestones so far</h3>
      <ol
        data-testid="streamed-milestones"
        className="mt-2 max-h-48 space-y-1 overflow-y-auto text-sm"
      >
        {titles.map((title, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at its end, so the position is the identity
            key={`${index}-${title}`}
            className="animate-fade-in flex gap-2 motion-reduce:animate-none"
          >
            <span className="font-semibold text-brand-to">{index + 1}.</span>
            <span>{title}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
