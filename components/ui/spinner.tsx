/** A decorative spinner; screen readers hear the live status text instead. */
export function Spinner() {
  return (
    <span
      aria-hidden="true"
      data-testid="spinner"
      className="inline-block h-5 w-5 animate-spin rounded-full border-2 border-brand-to border-t-transparent motion-reduce:animate-none"
    />
  );
}
