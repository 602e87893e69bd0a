import "server-only";
import { getDb } from "./client";

const DAY_MS = 24 * 60 * 60 * 1000;

export type TicketLimits = {
  /** Generations started in the last 24 hours that may exist; null for no daily cap. */
  perDay: number | null;
  /** Unfinished generations that may run at once. */
  concurrent: number;
  /** A ticket left unfinished longer than this (a crashed instance) no longer counts as running. */
  staleAfterMs: number;
};

export type TicketClaimResult =
  | { granted: true; ticketId: string; usedToday: number }
  | { granted: false; limit: "daily" | "concurrent"; retryAt: Date };

/**
 * Starts a generation for `subject` if its limits allow. Check and insert happen in one
 * transaction holding an advisory lock on the subject, so two instances claiming at the
 * same moment cannot both take the last place.
 */
export async function claimTicket(
  subject: string,
  limits: TicketLimits,
  now = new Date(),
): Promise<TicketClaimResult> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const staleBefore = new Date(now.getTime() - limits.staleAfterMs);
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${subject}))) AS locked`;
    // One read serves both limits: a running ticket is younger than a day too.
    const today = await tx.generationTicket.findMany({
      where: { subject, startedAt: { gte: dayAgo } },
      orderBy: { startedAt: "asc" },
      select: { startedAt: true, finishedAt: true },
    });
    const running = today.filter((ticket) => !ticket.finishedAt && ticket.startedAt >= staleBefore);
    if (running.length >= limits.concurrent) {
      // Streams usually finish within a minute or two; suggest a short wait.
      return { granted: false, limit: "concurrent", retryAt: new Date(now.getTime() + 30_000) };
    }
    if (limits.perDay !== null && today.length >= limits.perDay) {
      // A place frees up when the oldest generation of the last 24 hours leaves the window.
      const freedBy = today[today.length - limits.perDay]?.startedAt ?? now;
      return { granted: false, limit: "daily", retryAt: new Date(freedBy.getTime() + DAY_MS) };
    }
    const ticket = await tx.generationTicket.create({ data: { subject, startedAt: now } });
    return { granted: true, ticketId: ticket.id, usedToday: today.length + 1 };
  });
}

/**
 * Ends a generation: it stops counting as running; `refund` also stops it counting today.
 * Runs after the stream has ended, so it also sweeps everyone's tickets older than a day
 * (they count for nothing), keeping the table at about one day of generations without
 * adding work before a stream starts.
 */
export async function finishTicket(ticketId: string, refund: boolean): Promise<void> {
  const db = getDb();
  if (refund) await db.generationTicket.deleteMany({ where: { id: ticketId } });
  else {
    await db.generationTicket.updateMany({
      where: { id: ticketId },
      data: { finishedAt: new Date() },
    });
  }
  await db.generationTicket.deleteMany({
    where: { startedAt: { lt: new Date(Date.now() - DAY_MS) } },
  });
}

export async function countTicketsToday(subject: string, now = new Date()): Promise<number> {
  return getDb().generationTicket.count({
    where: { subject, startedAt: { gte: new Date(now.getTime() - DAY_MS) } },
  });
}
