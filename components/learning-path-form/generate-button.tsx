type Props = {
  /** Waiting for the plain (not real-time) request's answer: the button says so. */
  pending: boolean;
  disabled: boolean;
};

export function GenerateButton({ pending, disabled }: Props) {
  return (
    <button
      type="submit"
      disabled={disabled}
      aria-busy={pending}
      data-testid="generate-button"
      className="w-full rounded-xl bg-gradient-to-r from-brand-from to-brand-to px-6 py-3 text-lg font-semibold text-slate-900 shadow hover:brightness-105 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-700 disabled:opacity-60"
    >
      {pending ? "Generating..." : "Generate my learning path"}
    </button>
  );
}
