import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  appendFrames,
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
  type NewJobRow,
  noteJobRead,
  requestJobCancel,
  type StoredFrame,
} from "@/lib/db";
import { AppError } from "@/lib/errors";
import { frameData } from "@/lib/sse/encode";
import type { FailureEvent, GenerationEvent, Stage } from "@/lib/sse/events";
import { createFrameRecorder, type FrameRecorder } from "./frame-recorder";
import {
  createJobLeases,
  type JobLeases,
  LEASE_MS,
  type LeaseState,
  RENEW_EVERY_MS,
} from "./job-leases";
import type { GenerationLogger } from "./logger";
import { type GenerationTicket, ticketRefunded } from "./quota";

// A generation is a job on the server, not one HTTP connection. It runs to its end
// whatever happens to the connection that started it: every frame is kept (in memory
// while it runs here, and in the database for readers on other instances and for
// resuming), a lost connection only stops that reader, and Cancel stops the job. The
// job renews a lease while it runs; a job whose process died is noticed when its lease
// runs out and is marked interrupted, its ticket given back.

/** A guest's job with no reader for this long is stopped: nobody would read the path. */
export const GUEST_READERLESS_MS = 30_000;
/** Finished jobs (and their frames) are deleted after an hour. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
/** How often a reader on another instance looks for new frames. */
const POLL_MS = 250;

export type JobFrame = StoredFrame;

/** Who may read or cancel a job: a signed-in user, or the holder of a guest's token. */
type JobOwner = Pick<JobRecord, "userId" | "resumeTokenHash">;

/** Who asks for a job: the session's user (read only if needed), and a guest's token. */
type JobAsker = { userId: () => Promise<string | undefined>; resumeToken?: string };

/** A job running in this process: its frames so far and who is reading them. */
type LiveJob = {
  owner: JobOwner;
  frames: JobFrame[];
  /** How many of `frames` readers may see: the end waits for the ticket (runJob). */
  published: number;
  ended: boolean;
  readers: number;
  lastReaderLeftAt: number;
  controller: AbortController;
  /** Wakes readers waiting for the next frame. */
  wake: () => void;
  changed: Promise<void>;
};

const globalForJobs = globalThis as unknown as {
  generationJobs?: Map<string, LiveJob>;
  generationFrameRecorder?: FrameRecorder;
  generationJobLeases?: JobLeases;
};
globalForJobs.generationJobs ??= new Map();
globalForJobs.generationFrameRecorder ??= createFrameRecorder();
globalForJobs.generationJobLeases ??= createJobLeases();
/** Jobs running in this process (kept on globalThis: the dev server reloads modules). */
const liveJobs = globalForJobs.generationJobs;
/** Where every job of this process stores its frames, and who renews their leases. */
const frameRecorder = globalForJobs.generationFrameRecorder;
const leases = globalForJobs.generationJobLeases;

/** How many jobs this process is running (their frames are kept in memory until they end). */
export const liveJobCount = () => liveJobs.size;

const hashToken = (token: string) => createHash("sha256").update(token).digest();

export type StartedJob = { id: string; resumeToken?: string; finished: Promise<void> };

/** A job about to start: its row is inserted by the claim of its ticket (quota.ts). */
export type NewJob = { id: string; resumeToken?: string; row: NewJobRow };

/**
 * A new job's id and, for a guest, the resume token only its starter gets. Its lease
 * starts when the claim stores it (`LEASE_MS` from the claim's own clock), not now: a
 * claim that waited past a lease under load must not store a job the sweep calls dead.
 */
export function newJob(id: string, userId?: string): NewJob {
  const resumeToken = userId ? undefined : randomBytes(24).toString("base64url");
  return {
    id,
    resumeToken,
    row: {
      id,
      userId,
      resumeTokenHash: resumeToken && hashToken(resumeToken).toString("hex"),
      leaseMs: LEASE_MS,
    },
  };
}

/** A job that may start: its ticket is claimed and its row stored (index.ts, claimJob). */
export type ClaimedJob = { job: NewJob; ticket: GenerationTicket; logger: GenerationLogger };

/**
 * Starts the claimed job that runs `generate` to its end. `generate` gets the job's own
 * abort signal (Cancel, or a guest's job left without readers), never a connection's.
 */
export function startJob(
  options: ClaimedJob & {
    userId?: string;
    generate: (
      signal: AbortSignal,
      onSaved: (pathId: string) => void,
    ) => AsyncGenerator<GenerationEvent>;
  },
): StartedJob {
  const { logger } = options;
  const { id, resumeToken, row } = options.job;
  const job: LiveJob = {
    owner: { userId: row.userId ?? null, resumeTokenHash: row.resumeTokenHash ?? null },
    frames: [],
    published: 0,
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
  job.published = job.frames.length;
  const wake = job.wake;
  rearm(job);
  wake();
}

async function runJob(
  id: string,
  job: LiveJob,
  options: Parameters<typeof startJob>[0],
): Promise<void> {
  const { logger, userId } = options;
  const record = (frame: JobFrame) => {
    job.frames.push(frame);
    frameRecorder.record({ jobId: id, ...frame }, logger);
  };
  leases.hold(id, (state) => onLeaseRenewed(job, userId, state));
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
      record({
        seq: job.frames.length + 1,
        event: event.type,
        data: frameData(job.frames.length === 0 ? { ...event, generationId: id } : event),
      });
      // An error frame waits for the ticket to be settled (below).
      if (event.type !== "error") publish(job);
    }
  } finally {
    leases.release(id);
    const status: Exclude<JobStatus, "running"> =
      last?.type === "done" ? "complete" : last?.type === "error" ? "failed" : "cancelled";
    const code = last?.type === "error" ? last.code : undefined;
    if (status === "cancelled") {
      // Readers still following (another tab, a resume) learn that it ended.
      const reached = last?.type === "progress" ? last : undefined;
      record(lastFrame(job.frames.length + 1, "cancelled", reached?.stage, reached?.progress));
    }
    const refundTicket = ticketRefunded({ status, code, milestoneSeen });
    try {
      // Readers on other instances and resumes rely on every frame being stored when the
      // job is marked finished: its frames still waiting for a write go with the end.
      // The ticket is settled in the same statement, before readers see a failure or a
      // cancel: a browser that asks for today's count the moment it sees the end gets
      // the right number, not one fewer until its next look. Tried twice (a dropped
      // connection); never finished without its frames: a job left running is marked
      // interrupted by the sweep, with an end frame after its last, its ticket given back.
      const lastFrames = await frameRecorder.takeFramesOf(id);
      const end = { status, savedPathId, refundTicket, lastFrames };
      await finishJob(id, end).catch(() => finishJob(id, end));
    } finally {
      // Even if the database refused the end: live readers stop waiting, and the job,
      // no longer live here, is marked interrupted by the sweep once its lease runs out.
      job.ended = true;
      liveJobs.delete(id);
      publish(job);
    }
  }
}

/** Stops the job if someone asked to cancel it or a guest's job lost its readers. */
function onLeaseRenewed(job: LiveJob, userId: string | undefined, state: LeaseState) {
  if (state.cancelRequested) job.controller.abort(new AppError("cancelled"));
  const lastRead = Math.max(job.lastReaderLeftAt, state.lastReadAt.getTime());
  if (!userId && job.readers === 0 && Date.now() - lastRead > GUEST_READERLESS_MS) {
    job.controller.abort(new AppError("cancelled", { detail: "no reader left" }));
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
 * an owner) or the holder of `resumeToken` (a guest); anyone else gets 404. A job running
 * in this process is checked against what it holds, without a database read.
 */
export async function findOwnJob(id: string, asker: JobAsker): Promise<{ id: string }> {
  const job = liveJobs.get(id)?.owner ?? (await findJob(id));
  // Someone else's job is exactly as unknown as one that does not exist.
  if (!job || !(await startedBy(job, asker))) throw new AppError("not_found");
  return { id };
}

async function startedBy(owner: JobOwner, asker: JobAsker): Promise<boolean> {
  if (owner.userId) return owner.userId === (await asker.userId());
  return Boolean(
    owner.resumeTokenHash &&
      asker.resumeToken &&
      timingSafeEqual(hashToken(asker.resumeToken), Buffer.from(owner.resumeTokenHash, "hex")),
  );
}

/**
 * Stops a job, wherever it runs. Idempotent. One running here stops at once and stores
 * its end itself; one running elsewhere sees the request at its next lease renewal.
 */
export async function cancelJob(id: string): Promise<void> {
  const live = liveJobs.get(id);
  if (live) live.controller.abort(new AppError("cancelled"));
  else await requestJobCancel(id);
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
  // Each wait ends with the job's next frame or with the reader stopping. Not a race
  // against one promise of the whole read: every race would leave a reaction on that
  // promise until the reader stops, memory growing with every frame of the stream.
  let wakeReader = () => {};
  const stop = () => wakeReader();
  signal.addEventListener("abort", stop, { once: true });
  try {
    let next = afterSeq;
    while (!signal.aborted) {
      while (next < job.published) {
        const frame = job.frames[next++];
        if (frame) yield frame;
      }
      if (job.ended) return;
      await new Promise<void>((resolve) => {
        // Stopped while it held a frame (paused at its yield): no wake-up is coming.
        if (signal.aborted) return resolve();
        wakeReader = resolve;
        void job.changed.then(resolve);
      });
    }
  } finally {
    signal.removeEventListener("abort", stop);
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
  // A job running here is alive even if its lease ran out (renewals late on a
  // saturated thread): marking it interrupted would end it for its readers while it runs.
  const found = await interruptDeadJobs(new Date(), [...liveJobs.keys()]);
  // Each dead job's ticket is given back whatever happens to its last frame: a job that
  // was alive after all (its instance stalled) may have stored its own end frame with
  // that number already, and its end then left the ticket to this sweep.
  await Promise.all(
    found.map(async (dead) => {
      try {
        const [last] = await framesAfter(dead.id, dead.lastSeq - 1);
        const reached = last ? (JSON.parse(last.data) as Partial<FailureEvent>) : {};
        await appendFrames(dead.id, [
          lastFrame(dead.lastSeq + 1, "interrupted", reached.stage, reached.progress),
        ]);
      } finally {
        await finishTicket(dead.ticketId, true);
      }
    }),
  );
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
