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
// adds at most that much to what they see. A job's end waits for its frames to be
// stored (`flushed`), so a finished job's frames are all in the database.

/** How long recorded frames wait to be written together. */
export const FRAME_WINDOW_MS = 100;

type Pending = { row: JobFrameRow; logger: GenerationLogger };

export type FrameRecorder = {
  /** Queues a frame for the next write. */
  record(row: JobFrameRow, logger: GenerationLogger): void;
  /** Settles once every frame recorded so far has been written (or its failure logged). */
  flushed(): Promise<void>;
};

export function createFrameRecorder(
  write: (rows: JobFrameRow[]) => Promise<void> = appendFramesOfJobs,
  windowMs = FRAME_WINDOW_MS,
): FrameRecorder {
  let pending: Pending[] = [];
  // One chain of writes, one at a time, in the order frames were recorded: a job's
  // frames are never committed out of order, and `flushed` (a write appended to the
  // chain) settles only once everything recorded before it is in the database.
  let writes: Promise<void> = Promise.resolve();
  // The open window, if any: a flush closes it at once, so a job's end (and the moment
  // its readers' streams close) never waits out the rest of a window.
  let window: { close: () => void } | undefined;
  const writePending = async (): Promise<void> => {
    window = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) await writeBatch(write, batch);
  };
  return {
    record(row, logger) {
      pending.push({ row, logger });
      if (window) return;
      const opened = openWindow(windowMs);
      window = opened;
      writes = writes.then(() => opened.closed).then(writePending);
    },
    flushed() {
      window?.close();
      writes = writes.then(writePending);
      return writes;
    },
  };
}

/** Closes after `ms`, or sooner when asked; after the event loop's current turn either way. */
function openWindow(ms: number): { closed: Promise<void>; close: () => void } {
  let close = () => {};
  const closed = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    close = () => {
      clearTimeout(timer);
      // Not this turn: readers' socket writes of the frame just published go first.
      setImmediate(resolve);
    };
  });
  return { closed, close };
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
