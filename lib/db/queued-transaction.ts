import "server-only";

/**
 * Options for a short transaction that locks a row others may be waiting on. Parallel
 * requests then queue, first for one of the pool's connections, then for the row: Prisma's
 * defaults (2 s to get a connection, 5 s in all) would turn a burst of 30 sign-ins or
 * ticks on a busy machine into errors, where waiting a little longer gives each its turn.
 */
export const QUEUED_TRANSACTION = { maxWait: 10_000, timeout: 15_000 } as const;
