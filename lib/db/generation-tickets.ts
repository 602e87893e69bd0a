import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import { Prisma } from "./generated/client";

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

/** The job a granted claim starts (lib/generation/jobs.ts), inserted by the claim itself. */
export type NewJobRow = {
  id: string;
  userId?: string;
  resumeTokenHash?: string;
  /** Its first lease runs this long from the claim. */
  leaseMs: number;
};

type ClaimRow = {
  granted: boolean;
  refusedBy: "daily" | "concurrent" | null;
  usedToday: number;
  freedFrom: Date | null;
};

/**
 * Starts a generation for `subject` if its limits allow, in one statement: the
 * `claim_generation_ticket` function (prisma/migrations/*_claim_ticket_in_one_statement)
 * takes an advisory lock on the subject, so two instances claiming at the same moment
 * cannot both take the last place, and counts only up to the limits over an index, so
 * the claim costs the same however many tickets the day holds. One round trip, no
 * interactive transaction: on the embedded engine, whose one connection every request
 * shares, nothing else waits while JavaScript runs between statements.
 */
export async function claimTicket(
  subject: string,
  limits: TicketLimits,
  now = new Date(),
  job?: NewJobRow,
): Promise<TicketClaimResult> {
  const ticketId = randomUUID();
  const staleBefore = new Date(now.getTime() - limits.staleAfterMs);
  // Timestamps go as UTC text: the columns are TIMESTAMP(3) without a zone, in UTC.
  const claim = Prisma.sql`
    SELECT "granted", "refusedBy", "usedToday", "freedFrom"
    FROM claim_generation_ticket(${subject}, ${ticketId}, ${now.toISOString()}::timestamp(3),
      ${limits.perDay}::integer, ${limits.concurrent}::integer, ${staleBefore.toISOString()}::timestamp(3))`;
  // With `job`, a granted claim also inserts the job's row, in the same statement: the
  // work before a generation's first frame is one round trip to the database, not two.
  // (A data-modifying WITH always runs to completion, read or not.) Its times are given
  // in UTC like the claim's: a column default would follow the server's time zone.
  const [row] = await getDb().$queryRaw<ClaimRow[]>(
    job
      ? Prisma.sql`
    WITH "claim" AS (${claim}),
    "job" AS (
      INSERT INTO "GenerationJob" ("id", "ticketId", "userId", "resumeTokenHash", "leaseUntil",
        "lastReadAt", "createdAt")
      SELECT ${job.id}, ${ticketId}, ${job.userId ?? null}::text, ${job.resumeTokenHash ?? null}::text,
        ${new Date(now.getTime() + job.leaseMs).toISOString()}::timestamp(3),
        ${now.toISOString()}::timestamp(3), ${now.toISOString()}::timestamp(3)
      FROM "claim" WHERE "claim"."granted"
    )
    SELECT * FROM "claim"`
      : claim,
  );
  if (!row) throw new Error("claim_generation_ticket returned no row");
  if (row.granted) return { granted: true, ticketId, usedToday: Number(row.usedToday) };
  if (row.refusedBy === "concurrent") {
    // Streams usually finish within a minute or two; suggest a short wait.
    return { granted: false, limit: "concurrent", retryAt: new Date(now.getTime() + 30_000) };
  }
  // A place frees up when the oldest generation counted leaves the 24-hour window.
  const freedFrom = row.freedFrom ? new Date(row.freedFrom).getTime() : now.getTime();
  return { granted: false, limit: "daily", retryAt: new Date(freedFrom + DAY_MS) };
}

/** Ends a generation in one statement: it stops counting as running; `refund` also stops it counting today. */
export async function finishTicket(ticketId: string, refund: boolean): Promise<void> {
  const db = getDb();
  if (refund) await db.generationTicket.deleteMany({ where: { id: ticketId } });
  else {
    await db.generationTicket.updateMany({
      where: { id: ticketId },
      data: { finishedAt: new Date() },
    });
  }
}

/**
 * Deletes everyone's tickets older than a day (they count for nothing), keeping the
 * table at about one day of generations. Run by the periodic sweep, not by requests.
 */
export async function deleteTicketsOlderThanADay(now = new Date()): Promise<void> {
  await getDb().generationTicket.deleteMany({
    where: { startedAt: { lt: new Date(now.getTime() - DAY_MS) } },
  });
}

export async function countTicketsToday(subject: string, now = new Date()): Promise<number> {
  return getDb().generationTicket.count({
    where: { subject, startedAt: { gte: new Date(now.getTime() - DAY_MS) } },
  });
}
