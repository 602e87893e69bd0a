// Passing one async generator's items on through another. Written once: the pipeline
// relays a provider's milestones as progress, and a provider relays a model call's
// items; both must hand back the inner generator's return value and, when their own
// reader stops early (cancel), close the inner one so its upstream request closes too.

/**
 * Yields `map(item, index)` for each item of `source` (nothing when it returns
 * undefined), then returns what `source` returned.
 */
export async function* relay<I, R, O>(
  source: AsyncGenerator<I, R>,
  map: (item: I, index: number) => O | undefined,
): AsyncGenerator<O, R> {
  let finished = false;
  try {
    for (let index = 0; ; index++) {
      const step = await source.next();
      if (step.done) {
        finished = true;
        return step.value;
      }
      const mapped = map(step.value, index);
      if (mapped !== undefined) yield mapped;
    }
  } finally {
    // Reached early only when our reader stopped (or `source` threw): close `source`.
    if (!finished) await source.return(undefined as R).catch(() => {});
  }
}

/** Runs `source` to its end, ignoring its items, and returns what it returned. */
export async function drain<R>(source: AsyncGenerator<unknown, R>): Promise<R> {
  for (;;) {
    const step = await source.next();
    if (step.done) return step.value;
  }
}
