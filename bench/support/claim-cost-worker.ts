// Run by bench/measures/claim-cost.ts in its own process (`--conditions react-server`,
// so the app's server-only modules load): times the app's own claimTicket against the
// database the environment names, with a given number of tickets already in the table.
import { randomUUID } from "node:crypto";
import { claimTicket, finishTicket } from "@/lib/db";
import { getDb } from "@/lib/db/client";

const [ticketsArg, claimsArg] = process.argv.slice(2);
const tickets = Number(ticketsArg);
const claims = Number(claimsArg);

/**
 * Ticket ids of this run: on PostgreSQL every run (of this bench and earlier ones) shares
 * one database, so each run removes its own tickets when it is done.
 */
const runPrefix = `bench-${randomUUID()}-`;

/** `tickets` finished tickets of the last 24 hours: most on 1,000 guests, a tenth on one key. */
async function fill(): Promise<void> {
  await getDb().$executeRawUnsafe(`
    INSERT INTO "GenerationTicket" ("id", "subject", "startedAt", "finishedAt")
    SELECT '${runPrefix}' || g,
           CASE WHEN g % 10 = 0 THEN 'one-key' ELSE 'guest-' || (g % 1000) END,
           now() - (g % 86000) * INTERVAL '1 second', now()
    FROM generate_series(1, ${tickets}) AS g`);
}

/** Milliseconds per claim (then finish) of `subjectOf(i)` under `limits`. */
async function timeClaims(
  subjectOf: (i: number) => string,
  perDay: number | null,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < claims; i++) {
    const started = performance.now();
    // As a generation claims: the job's row goes in with the ticket.
    const claim = await claimTicket(
      subjectOf(i),
      { perDay, concurrent: 2, staleAfterMs: 420_000 },
      new Date(),
      { id: randomUUID(), leaseMs: 15_000 },
    );
    times.push(performance.now() - started);
    if (!claim.granted) throw new Error(`claim ${i} refused: ${claim.limit}`);
    await finishTicket(claim.ticketId, true);
  }
  return times;
}

await fill();
// Warm the query paths first: the first claims compile Prisma's and the engine's plans.
await timeClaims((i) => `warm-${i}`, 5);
const guests = await timeClaims((i) => `new-guest-${i}`, 5);
const oneKey = await timeClaims(() => "one-key", null);
const count = await getDb().generationTicket.count();
console.log(JSON.stringify({ tickets: count, guests, oneKey }));
await getDb().generationTicket.deleteMany({ where: { id: { startsWith: runPrefix } } });
await getDb().$disconnect();
