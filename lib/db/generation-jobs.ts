import "server-only";
import { getDb } from "./client";
import { Prisma } from "./generated/client";

// Generation jobs and their frames (see lib/generation/jobs.ts). A job row says who may
// read it and whether it still runs; its frames are what a reader replays on resume.

export type JobStatus = "running" | "complete" | "failed" | "cancelled" | "interrupted";

export type StoredFrame = { seq: number; event: string; data: string };

/** A frame and the job it belongs to. */
export type JobFrameRow = StoredFrame & { jobId: string };

export type JobRecord = {
  id: string;
  ticketId: string;
  userId: string | null;
  resumeTokenHash: string | null;
  status: string;
  leaseUntil: Date;
  savedPathId: string | null;
};

const jobFields = {
  id: true,
  ticketId: true,
  userId: true,
  resumeTokenHash: true,
  status: true,
  leaseUntil: true,
  savedPathId: true,
} as const;

export async function findJob(id: string): Promise<JobRecord | null> {
  return getDb().generationJob.findUnique({ where: { id }, select: jobFields });
}

/** One job's frames (the sweep's end of a dead job), the same way as every other frame. */
export function appendFrames(jobId: string, frames: StoredFrame[]): Promise<void> {
  return appendFramesOfJobs(frames.map((frame) => ({ jobId, ...frame })));
}

/**
 * Frames of any number of jobs, in one statement. Plain SQL: this runs every 100 ms while
 * streams are open, and Prisma's query compiler (WebAssembly on the request thread) cost
 * each batch more than sending it does.
 */
export async function appendFramesOfJobs(rows: JobFrameRow[]): Promise<void> {
  if (rows.length === 0) return;
  await getDb()
    .$executeRaw`INSERT INTO "GenerationFrame" ("jobId", "seq", "event", "data") ${framesFrom(rows)}`;
}

/** The rows as one SELECT over four arrays (one parameter per column, not per value). */
function framesFrom(rows: JobFrameRow[]): Prisma.Sql {
  const column = <K extends keyof JobFrameRow>(key: K) => rows.map((row) => row[key]);
  return Prisma.sql`SELECT * FROM unnest(${column("jobId")}::text[], ${column("seq")}::integer[],
    ${column("event")}::text[], ${column("data")}::text[])`;
}

/** The job's frames after `afterSeq`, in order. */
export async function framesAfter(jobId: string, afterSeq: number): Promise<StoredFrame[]> {
  return getDb().generationFrame.findMany({
    where: { jobId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    select: { seq: true, event: true, data: true },
  });
}

/** The job's last stored frame (its done or error frame once it has finished). */
export async function lastFrameOf(jobId: string): Promise<StoredFrame | null> {
  return getDb().generationFrame.findFirst({
    where: { jobId },
    orderBy: { seq: "desc" },
    select: { seq: true, event: true, data: true },
  });
}

/**
 * Extends the leases of running jobs, in one statement; says for each job still running
 * whether someone asked to cancel it, and when it was last read.
 */
export async function renewJobLeases(
  ids: string[],
  leaseUntil: Date,
): Promise<{ id: string; cancelRequested: boolean; lastReadAt: Date }[]> {
  if (ids.length === 0) return [];
  return getDb().generationJob.updateManyAndReturn({
    where: { id: { in: ids }, status: "running" },
    data: { leaseUntil },
    select: { id: true, cancelRequested: true, lastReadAt: true },
  });
}

/** How a job ended: its status, its saved path, and whether its ticket is given back. */
export type JobEnd = {
  status: Exclude<JobStatus, "running">;
  savedPathId?: string;
  /** Left out of the day's count (lib/generation/quota.ts, ticketRefunded), else kept as used. */
  refundTicket: boolean;
  /** Its frames not yet stored. */
  lastFrames: JobFrameRow[];
};

/**
 * Marks the job finished, stores its last frames and settles its ticket, in one
 * statement: one round trip on the database's one connection, where separate statements
 * took three (a transaction, five). A job no longer running (the sweep found it dead and
 * gave its ticket back) is left as it is, its ticket too.
 */
export async function finishJob(id: string, end: JobEnd): Promise<void> {
  const finishedAt = new Date().toISOString();
  await getDb().$executeRaw`
    WITH "lastFrames" AS (
      INSERT INTO "GenerationFrame" ("jobId", "seq", "event", "data") ${framesFrom(end.lastFrames)}
    ), "job" AS (
      UPDATE "GenerationJob"
      SET "status" = ${end.status}, "savedPathId" = ${end.savedPathId ?? null}::text,
        "finishedAt" = ${finishedAt}::timestamp(3)
      WHERE "id" = ${id} AND "status" = 'running'
      RETURNING "ticketId"
    ), "refunded" AS (
      DELETE FROM "GenerationTicket"
      WHERE ${end.refundTicket} AND "id" IN (SELECT "ticketId" FROM "job")
    )
    UPDATE "GenerationTicket" SET "finishedAt" = ${finishedAt}::timestamp(3)
    WHERE NOT ${end.refundTicket} AND "id" IN (SELECT "ticketId" FROM "job")`;
}

/** Asks a running job to stop (the instance running it sees this at its next lease renewal). */
export async function requestJobCancel(id: string): Promise<void> {
  await getDb().generationJob.updateMany({
    where: { id, status: "running" },
    data: { cancelRequested: true },
  });
}

export async function noteJobRead(id: string, at = new Date()): Promise<void> {
  await getDb().generationJob.updateMany({ where: { id }, data: { lastReadAt: at } });
}

/**
 * Marks running jobs whose lease ran out (their process died) as interrupted, and
 * returns them with their last frame number, so the caller can write their last frame
 * and give back their tickets. Each such job is returned to exactly one caller. Jobs in
 * `alive` are running in the caller's own process, whatever their lease says.
 */
export async function interruptDeadJobs(
  now = new Date(),
  alive: string[] = [],
): Promise<{ id: string; ticketId: string; lastSeq: number }[]> {
  const db = getDb();
  const dead = await db.generationJob.updateManyAndReturn({
    where: { status: "running", leaseUntil: { lt: now }, id: { notIn: alive } },
    data: { status: "interrupted", finishedAt: now },
    select: { id: true, ticketId: true },
  });
  return Promise.all(
    dead.map(async (job) => {
      const last = await db.generationFrame.aggregate({
        where: { jobId: job.id },
        _max: { seq: true },
      });
      return { ...job, lastSeq: last._max.seq ?? 0 };
    }),
  );
}

/** Deletes jobs (and their frames) that finished before `before`. */
export async function deleteFinishedJobs(before: Date): Promise<void> {
  await getDb().generationJob.deleteMany({ where: { finishedAt: { lt: before } } });
}

/** The user's jobs still running, newest first (shown on /paths as "generating"). */
export async function listRunningJobsForUser(userId: string) {
  return getDb().generationJob.findMany({
    where: { userId, status: "running" },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true },
  });
}
