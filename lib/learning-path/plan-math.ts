// Arithmetic shared by the offline engine, the prompts and the invariant repair, so
// every provider plans milestones, weeks and hours the same way.

/** The hours a path should add up to: every week of it at the learner's weekly hours. */
export function targetHours(durationWeeks: number, hoursPerWeek: number): number {
  return durationWeeks * hoursPerWeek;
}

/** How many milestones a path of this length gets: one per week for short paths, then ~one per fortnight, 3-8. */
export function milestoneCountFor(durationWeeks: number): number {
  if (durationWeeks <= 3) return durationWeeks;
  return Math.min(8, Math.max(3, Math.ceil(durationWeeks / 2)));
}

/**
 * Splits `total` into integer parts proportional to `weights` that add up to exactly
 * `total` (largest-remainder method), giving every part at least `min`.
 */
export function apportion(total: number, weights: number[], min = 0): number[] {
  const count = weights.length;
  if (count === 0) return [];
  const spare = total - min * count;
  if (spare < 0) throw new RangeError(`cannot give ${count} parts at least ${min} of ${total}`);
  const safe = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = safe.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? safe.map((w) => (w / sum) * spare) : safe.map(() => spare / count);
  const parts = shares.map((share) => Math.floor(share));
  let left = spare - parts.reduce((a, b) => a + b, 0);
  const byRemainder = shares
    .map((share, index) => ({ index, rest: share - Math.floor(share) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((part) => part + min);
}

export type WeekRange = { weekStart: number; weekEnd: number };

/** Consecutive week ranges covering 1..durationWeeks exactly once, sized by `weights`. */
export function weekRangesFor(durationWeeks: number, weights: number[]): WeekRange[] {
  const lengths = apportion(durationWeeks, weights, 1);
  let next = 1;
  return lengths.map((length) => {
    const range = { weekStart: next, weekEnd: next + length - 1 };
    next += length;
    return range;
  });
}

/** `items` in order, cut into `count` consecutive runs of near-equal length (count <= items). */
export function splitInRuns<T>(items: T[], count: number): T[][] {
  let next = 0;
  return apportion(
    items.length,
    Array.from({ length: count }, () => 1),
  ).map((size) => {
    const run = items.slice(next, next + size);
    next += size;
    return run;
  });
}
