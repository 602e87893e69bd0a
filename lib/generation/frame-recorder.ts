import "server-only";
import { appendFramesOfJobs, type JobFrameRow } from "@/lib/db";
import type { GenerationLogger } from "./logger";

// Every job running in this process records its frames through one recorder, which
// writes whatever arrived within a short window in one statement, for all jobs at once.
// A database statement costs the one server thread several milliseconds of CPU (Prisma's
// query compiler and, on the embedded engine, PostgreSQL itself run on it), and a
// generation has ~15 frames: written one batch per job and frame, 1,000 concurrent
// streams meant thousands of statements a second queued in front of every live frame.
// Live readers on this process never wait for the write (they read the job's frames in
// memory); readers on other instances poll every 250 ms, so a window of FRAME_WINDOW_MS
// adds at most that much to what they see. A job's end takes its frames still waiting
// (`takeFramesOf`) and stores them with the end itself, so a finished job's frames are
// all in the database without the end waiting out a window.

/** How long recorded frames wait to be written together. */
export const FRAME_WINDOW_MS = 100;

type Pending = { row: JobFrameRow; logger: GenerationLogger };

export type FrameRecorder = {
  /** Queues a frame for the next write. */
  record(row: JobFrameRow, logger: GenerationLogger): void;
  /**
   * Takes the job's frames that are not written yet, once every earlier write (which
   * may hold its other frames) has settled: the caller stores them with the job's end.
   */
  takeFramesOf(jobId: string): Promise<JobFrameRow[]>;
  /** Writes everything waiting now and settles once all of it is written (used by tests). */
  flushed(): Promise<void>;
};

export function createFrameRecorder(
  write: (rows: JobFrameRow[]) => Promise<void> = appendFramesOfJobs,
  windowMs = FRAME_WINDOW_MS,
): FrameRecorder {
  let pending: Pending[] = [];
  let window: NodeJS.Timeout | undefined;
  // One chain of writes, one at a time, in the order frames were recorded: a job's
  // frames are never committed out of order.
  let written: Promise<void> = Promise.resolve();
  const writePending = () => {
    clearTimeout(window);
    window = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) written = written.then(() => writeBatch(write, batch));
    return written;
  };
  return {
    record(row, logger) {
      pending.push({ row, logger });
      // A timer, so the write never starts in the turn that published the frame:
      // readers' socket writes go first.
      window ??= setTimeout(writePending, windowMs);
    },
    async takeFramesOf(jobId) {
      const own = pending.filter((entry) => entry.row.jobId === jobId);
      if (own.length > 0) pending = pending.filter((entry) => entry.row.jobId !== jobId);
      await written;
      return own.map((entry) => entry.row);
    },
    flushed: writePending,
  };
}

/**
 * One statement for the whole batch. If it fails, each job's frames are tried on their
 * own, so one job's bad frame (say a sequence number a sweep already used) does not
 * cost other jobs theirs; what still fails is logged on its job.
 */
async function writeBatch(write: (rows: JobFrameRow[]) => Promise<void>, batch: Pending[]) {
  try {
    await write(batch.map((entry) => entry.row));
    return;
  } catch (error) {
    if (new Set(batch.map((entry) => entry.row.jobId)).size === 1) {
      return logFailure(batch, error);
    }
  }
  const byJob = new Map<string, Pending[]>();
  for (const entry of batch) {
    const entries = byJob.get(entry.row.jobId);
    if (entries) entries.push(entry);
    else byJob.set(entry.row.jobId, [entry]);
  }
  for (const entries of byJob.values()) {
    await write(entries.map((entry) => entry.row)).catch((error: unknown) =>
      logFailure(entries, error),
    );
  }
}

function logFailure(entries: Pending[], error: unknown) {
  entries[0]?.logger.error("frames not stored", {
    detail: String(error),
    frames: entries.length,
  });
}
