import "server-only";
import { getDb } from "./client";
import { Prisma } from "./generated/client";
import { QUEUED_TRANSACTION } from "./queued-transaction";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Failed sign-ins under one key since it was last quiet for a whole window. */
export type FailureCounter = { failures: number; lastFailureAt: Date | null };

/**
 * Counts one failed sign-in, in advance, under every key unless `refuse` (shown the
 * current counters) returns a time to come back. Each key's row is locked for the whole
 * check-and-count, so parallel attempts on one account are decided one after another and
 * exactly the limit get through; keys are locked in one order, so two attempts sharing
 * keys cannot deadlock. Returns the refusal, or undefined when the attempt was counted.
 */
export async function countSignInFailureUnlessRefused(
  keys: string[],
  now: Date,
  windowMs: number,
  refuse: (counters: Map<string, FailureCounter>) => Date | undefined,
): Promise<Date | undefined> {
  const sorted = [...new Set(keys)].sort();
  const refusal = await getDb().$transaction(async (tx) => {
    // Every key needs a row to lock; a parallel attempt creating the same row waits here.
    await tx.signInCounter.createMany({
      data: sorted.map((key) => ({ key, lastFailureAt: now })),
      skipDuplicates: true,
    });
    const rows = await tx.$queryRaw<{ key: string; failures: number; lastFailureAt: Date }[]>`
      SELECT "key", "failures", "lastFailureAt" FROM "SignInCounter"
      WHERE "key" IN (${Prisma.join(sorted)}) ORDER BY "key" FOR UPDATE`;
    const quietSince = now.getTime() - windowMs;
    const counters = new Map(
      rows.map((row) => {
        const counting = row.failures > 0 && row.lastFailureAt.getTime() > quietSince;
        return [row.key, counting ? row : { failures: 0, lastFailureAt: null }];
      }),
    );
    const retryAt = refuse(counters);
    if (retryAt) return retryAt;
    for (const [key, counter] of counters) {
      await tx.signInCounter.update({
        where: { key },
        data: { failures: counter.failures + 1, lastFailureAt: now },
      });
    }
    return undefined;
  }, QUEUED_TRANSACTION);
  // Prune here, off the locked rows: counters quiet for a day count for nothing.
  await getDb().signInCounter.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - DAY_MS) } },
  });
  return refusal;
}

/** Forgets the failures counted under these keys (the account's owner signed in). */
export async function clearSignInFailures(keys: string[]): Promise<void> {
  await getDb().signInCounter.deleteMany({ where: { key: { in: keys } } });
}

/** Takes back one failure counted in advance under `key` (the attempt succeeded). */
export async function uncountSignInFailure(key: string): Promise<void> {
  await getDb().signInCounter.updateMany({
    where: { key, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}
