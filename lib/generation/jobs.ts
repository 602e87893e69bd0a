import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  appendFrames,
  createJob,
  deleteFinishedJobs,
  deleteTicketsOlderThanADay,
  findJob,
  finishJob,
  finishTicket,
  framesAfter,
  interruptDeadJobs,
  type JobRecord,
  type JobStatus,
  lastFrameOf,
  noteJobRead,
  renewJobLease,
  requestJobCancel,
  type StoredFrame,
} from "@/lib/db";
import { AppError } from "@/lib/errors";
import { frameData } from "@/lib/sse/encode";
import type { FailureEvent, GenerationEvent, Stage } from "@/lib/sse/events";
import type { GenerationLogger } from "./logger";
import { type GenerationTicket, ticketRefunded } from "./quota";

// A generation is a job on the server, not one HTTP connection. It runs to its end
// whatever happens to the connection that started it: every frame is kept (in memory
// while it runs here, and in the database for readers on other instances and for
// resuming), a lost connection only stops that reader, and Cancel stops the job. The
// job renews a lease while it runs; a job whose process died is noticed when its lease
// runs out and is marked interrupted, its ticket given back.

/** How long a lease lasts, and how often a running job renews it. */
const LEASE_MS = 15_000;
const RENEW_EVERY_MS = 5_000;
/** A guest's job with no reader for this long is stopped: nobody would read the path. */
export const GUEST_READERLESS_MS = 30_000;
/** Finished jobs (and their frames) are deleted after an hour. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
/** How often a reader on another instance looks for new frames. */
const POLL_MS = 250;

export type JobFrame = StoredFrame;

/** A job running in this process: its frames so far and who is reading them. */
type LiveJob = {
  frames: JobFrame[];
  ended: boolean;
  readers: number;
  lastReaderLeftAt: number;
  controller: AbortController;
  /** Wakes readers waiting for the next frame. */
  wake: () => void;
  changed: Promise<void>;
};

const globalForJobs = globalThis as unknown as { generationJobs?: Map<string, LiveJob> };
globalForJobs.generationJobs ??= new Map();
/** Jobs running in this process (kept on globalThis: the dev server reloads modules). */
const liveJobs = globalForJobs.generationJobs;

const hashToken = (token: string) => createHash("sha256").update(token).digest();

export type StartedJob = { id: string; resumeToken?: string; finished: Promise<void> };

/**
 * Starts a job that runs `generate` to its end. `generate` gets the job's own abort
 * signal (Cancel, or a guest's job left without readers), never a connection's.
 */
export async function startJob(options: {
  logger: GenerationLogger;
  userId?: string;
  ticket: GenerationTicket;
  /** A cancelled job is never counted (an adaptation: cancelling leaves nothing behind). */
  cancelIsFree?: boolean;
  generate: (
    signal: AbortSignal,
    onSaved: (pathId: string) => void,
  ) => AsyncGenerator<GenerationEvent>;
}): Promise<StartedJob> {
  const { logger, userId, ticket } = options;
  const id = logger.requestId;
  const resumeToken = userId ? undefined : randomBytes(24).toString("base64url");
  await createJob({
    id,
    ticketId: ticket.id,
    userId,
    resumeTokenHash: resumeToken && hashToken(resumeToken).toString("hex"),
    leaseUntil: new Date(Date.now() + LEASE_MS),
  });
  const job: LiveJob = {
    frames: [],
    ended: false,
    readers: 0,
    lastReaderLeftAt: Date.now(),
    controller: new AbortController(),
    wake: () => {},
    changed: Promise.resolve(),
  };
  rearm(job);
  liveJobs.set(id, job);
  const finished = runJob(id, job, options).catch((error: unknown) => {
    logger.error("job failed to finish", { detail: String(error) });
  });
  return { id, resumeToken, finished };
}

function rearm(job: LiveJob) {
  job.changed = new Promise((resolve) => {
    job.wake = resolve;
  });
}

function publish(job: LiveJob) {
  const wake = job.wake;
  rearm(job);
  wake();
}

async function runJob(
  id: string,
  job: LiveJob,
  options: Parameters<typeof startJob>[0],
): Promise<void> {
  const { logger, userId, ticket } = options;
  const writer = frameWriter(id, logger);
  const lease = setInterval(() => void keepLease(id, job, userId), RENEW_EVERY_MS);
  let savedPathId: string | undefined;
  let last: GenerationEvent | undefined;
  let milestoneSeen = false;
  try {
    const events = options.generate(job.controller.signal, (pathId) => {
      savedPathId = pathId;
    });
    for await (const event of events) {
      last = event;
      if (event.type === "progress" && event.milestone) milestoneSeen = true;
      const frame = {
        seq: job.frames.length + 1,
        event: event.type,
        data: frameData(job.frames.length === 0 ? { ...event, generationId: id } : event),
      };
      job.frames.push(frame);
      writer.add(frame);
      publish(job);
    }
  } finally {
    clearInterval(lease);
    const status: Exclude<JobStatus, "running"> =
      last?.type === "done" ? "complete" : last?.type === "error" ? "failed" : "cancelled";
    const code = last?.type === "error" ? last.code : undefined;
    if (status === "cancelled") {
      // Readers still following (another tab, a resume) learn that it ended.
      const reached = last?.type === "progress" ? last : undefined;
      const frame = lastFrame(
        job.frames.length + 1,
        "cancelled",
        reached?.stage,
        reached?.progress,
      );
      job.frames.push(frame);
      writer.add(frame);
    }
    // Readers on other instances and resumes rely on every frame being stored first.
    await writer.flushed();
    await finishJob(id, status, savedPathId);
    job.ended = true;
    liveJobs.delete(id);
    publish(job);
    const counted = milestoneSeen && !options.cancelIsFree;
    await ticket.finish(ticketRefunded({ status, code, milestoneSeen: counted }));
  }
}

/**
 * Writes frames in order; frames that arrive while a write is under way go in one batch.
 * A batch starts after the current turn of the event loop, so readers waiting on this
 * process have the frame on their sockets first: the write's query work (Prisma's
 * compiler, and the embedded engine itself) runs on this same thread and would otherwise
 * delay every live frame by its cost (bench figure 3: p50 1.4 -> 6.3 ms).
 */
function frameWriter(jobId: string, logger: GenerationLogger) {
  let pending: JobFrame[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      await appendFrames(jobId, batch).catch((error: unknown) => {
        logger.error("frames not stored", { detail: String(error), frames: batch.length });
      });
    }
  };
  return {
    add(frame: JobFrame) {
      pending.push(frame);
      if (pending.length === 1) writing = writing.then(afterReaders).then(flush);
    },
    flushed: () => writing.then(flush),
  };
}

/** Settles after the event loop's current turn (readers' socket writes included). */
const afterReaders = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Renews the lease; stops the job if someone asked to cancel it or a guest's job lost its readers. */
async function keepLease(id: string, job: LiveJob, userId: string | undefined) {
  try {
    const state = await renewJobLease(id, new Date(Date.now() + LEASE_MS));
    if (!state) return;
    if (state.cancelRequested) job.controller.abort(new AppError("cancelled"));
    const lastRead = Math.max(job.lastReaderLeftAt, state.lastReadAt.getTime());
    if (!userId && job.readers === 0 && Date.now() - lastRead > GUEST_READERLESS_MS) {
      job.controller.abort(new AppError("cancelled", { detail: "no reader left" }));
    }
  } catch {
    // A missed renewal is retried at the next tick; the lease outlasts two of them.
  }
}

/** A guest's resume token, from the `X-Resume-Token` header or the `resumeToken` query. */
export function resumeTokenOf(request: Request): string | undefined {
  return (
    request.headers.get("x-resume-token") ??
    new URL(request.url).searchParams.get("resumeToken") ??
    undefined
  );
}

/**
 * The job, if its starter asks: a signed-in user (`userId`, read only when the job has
 * an owner) or the holder of `resumeToken` (a guest); anyone else gets 404.
 */
export async function findOwnJob(
  id: string,
  asker: { userId: () => Promise<string | undefined>; resumeToken?: string },
): Promise<JobRecord> {
  const job = await findJob(id);
  if (!job) throw new AppError("not_found");
  const owner = job.userId
    ? job.userId === (await asker.userId())
    : Boolean(
        job.resumeTokenHash &&
          asker.resumeToken &&
          timingSafeEqual(hashToken(asker.resumeToken), Buffer.from(job.resumeTokenHash, "hex")),
      );
  // Someone else's job is exactly as unknown as one that does not exist.
  if (!owner) throw new AppError("not_found");
  return job;
}

/** Stops a job, wherever it runs. Idempotent. */
export async function cancelJob(id: string): Promise<void> {
  liveJobs.get(id)?.controller.abort(new AppError("cancelled"));
  await requestJobCancel(id);
}

/**
 * The job's frames after `afterSeq`, then its live frames until its last one. Stopping
 * (the signal) only stops this reader, never the job.
 */
export async function* followJob(
  id: string,
  afterSeq: number,
  signal: AbortSignal,
): AsyncGenerator<JobFrame> {
  const job = liveJobs.get(id);
  if (job) yield* followLive(job, afterSeq, signal);
  else yield* followStored(id, afterSeq, signal);
}

async function* followLive(job: LiveJob, afterSeq: number, signal: AbortSignal) {
  job.readers += 1;
  const stopped = aborted(signal);
  try {
    let next = afterSeq;
    while (!signal.aborted) {
      while (next < job.frames.length) {
        const frame = job.frames[next++];
        if (frame) yield frame;
      }
      if (job.ended) return;
      await Promise.race([job.changed, stopped]);
    }
  } finally {
    job.readers -= 1;
    job.lastReaderLeftAt = Date.now();
  }
}

async function* followStored(id: string, afterSeq: number, signal: AbortSignal) {
  let next = afterSeq;
  let notedAt = 0;
  while (!signal.aborted) {
    for (const frame of await framesAfter(id, next)) {
      next = frame.seq;
      yield frame;
      if (frame.event !== "progress") return;
    }
    const job = await findJob(id);
    if (!job) return;
    if (job.status !== "running") {
      // Finished between the two reads: what it wrote last is there now.
      if ((await framesAfter(id, next)).length > 0) continue;
      yield* endAgain(id, next);
      return;
    }
    if (job.leaseUntil.getTime() < Date.now()) await sweepDeadJobs();
    else if (Date.now() - notedAt >= RENEW_EVERY_MS) {
      // The instance running it counts this reader as present (a guest's job needs one).
      notedAt = Date.now();
      await noteJobRead(id);
    }
    await sleep(POLL_MS, undefined, { signal }).catch(() => {});
  }
}

/**
 * A reader that is past every stored frame of a finished job still gets its end. After
 * a crash the reader may have seen frames that never reached the database, so the sweep's
 * interrupted frame can carry an id the reader already used for a progress frame: the
 * end is sent again with the next id (a reader never stops without a done or error).
 */
async function* endAgain(id: string, afterSeq: number): AsyncGenerator<JobFrame> {
  const last = await lastFrameOf(id);
  if (last && last.event !== "progress") yield { ...last, seq: afterSeq + 1 };
}

/** Settles when the reader stops; one listener per reader, not one per frame. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

const globalForSweeper = globalThis as unknown as { deadJobSweeper?: NodeJS.Timeout };

/**
 * Every lease period: marks jobs whose process died as interrupted (so after a crash and
 * restart their slots are free within about 30 s even if nobody asks for them), and
 * deletes finished jobs older than an hour and tickets older than a day. Requests never
 * wait for this work (it used to run before every claim and after every job). Started
 * once per process (instrumentation.ts), sweeping at once; never keeps it alive.
 */
export function watchForDeadJobs(): void {
  if (globalForSweeper.deadJobSweeper) return;
  const sweep = () => {
    sweepExpired().catch((error: unknown) => {
      console.error(
        JSON.stringify({ level: "error", event: "periodic sweep failed", detail: String(error) }),
      );
    });
  };
  globalForSweeper.deadJobSweeper = setInterval(sweep, LEASE_MS);
  globalForSweeper.deadJobSweeper.unref();
  // Once at start too: a restart frees a crashed process's slots at once, and the embedded
  // database starts up now rather than during the first request that needs it.
  sweep();
}

/** The periodic sweep's work (exported for tests). */
export async function sweepExpired(now = new Date()): Promise<void> {
  await sweepDeadJobs();
  await deleteFinishedJobs(new Date(now.getTime() - KEEP_FINISHED_MS));
  await deleteTicketsOlderThanADay(now);
}

/**
 * Marks jobs whose process died (lease run out) as interrupted: each gets a last frame
 * saying so, and its ticket back (not the user's doing, so not counted). Says how many
 * it found.
 */
export async function sweepDeadJobs(): Promise<number> {
  const found = await interruptDeadJobs();
  for (const dead of found) {
    const [last] = await framesAfter(dead.id, dead.lastSeq - 1);
    const reached = last ? (JSON.parse(last.data) as Partial<FailureEvent>) : {};
    await appendFrames(dead.id, [
      lastFrame(dead.lastSeq + 1, "interrupted", reached.stage, reached.progress),
    ]);
    await finishTicket(dead.ticketId, true);
  }
  return found.length;
}

/** The error frame that ends a job which stopped without one (cancelled, interrupted). */
function lastFrame(
  seq: number,
  code: "cancelled" | "interrupted",
  stage: Stage = "analyzing",
  progress = 0,
): JobFrame {
  const error = new AppError(code);
  const event: FailureEvent = {
    type: "error",
    stage,
    progress,
    message: error.publicMessage,
    error: error.publicMessage,
    code,
  };
  return { seq, event: "error", data: frameData(event) };
}

/**
 * The frames for the request that started the job: the first one also carries the
 * guest's resume token, which no other reader ever gets.
 */
export async function* followAsStarter(
  job: StartedJob,
  signal: AbortSignal,
): AsyncGenerator<JobFrame> {
  for await (const frame of followJob(job.id, 0, signal)) {
    if (frame.seq === 1 && job.resumeToken) {
      const data = { ...JSON.parse(frame.data), resumeToken: job.resumeToken };
      yield { ...frame, data: JSON.stringify(data) };
    } else yield frame;
  }
}
