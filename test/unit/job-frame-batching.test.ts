import { describe, expect, it, vi } from "vitest";
import type { JobFrameRow } from "@/lib/db";

// Per-generation database work on the one server thread is what limited 1,000
// concurrent streams (docs/PERFORMANCE.md, figure 4): frames of all jobs running in a
// process are written together, leases are renewed together, and a finished job leaves
// nothing behind in memory. The database is replaced by a log of the statements.

const writes: JobFrameRow[][] = [];
const endFrames: JobFrameRow[] = [];
const renewals: string[][] = [];
let failJob: string | undefined;
let cancelRequested = new Set<string>();
const sparedBySweep: string[][] = [];
/** What the next sweep finds dead, and the tickets it gave back. */
let deadJobs: { id: string; ticketId: string; lastSeq: number }[] = [];
const ticketsGivenBack: string[] = [];

vi.mock("@/lib/db", () => ({
  appendFramesOfJobs: async (rows: JobFrameRow[]) => {
    if (rows.some((row) => row.jobId === failJob)) throw new Error("duplicate key");
    writes.push(rows);
  },
  // A job's end stores its frames still waiting, in the end's own statement.
  finishJob: async (_id: string, end: { lastFrames: JobFrameRow[] }) => {
    endFrames.push(...end.lastFrames);
  },
  interruptDeadJobs: async (_now: Date, alive: string[]) => {
    sparedBySweep.push(alive);
    const found = deadJobs;
    deadJobs = [];
    return found;
  },
  framesAfter: async () => [],
  // The job stored its own end frame with that number first (it was alive after all).
  appendFrames: async () => {
    throw new Error('duplicate key value violates unique constraint "GenerationFrame_pkey"');
  },
  finishTicket: async (ticketId: string) => {
    ticketsGivenBack.push(ticketId);
  },
  renewJobLeases: async (ids: string[]) => {
    renewals.push(ids);
    return ids.map((id) => ({
      id,
      cancelRequested: cancelRequested.has(id),
      lastReadAt: new Date(),
    }));
  },
}));

const { newJob, startJob, liveJobCount, sweepDeadJobs } = await import("@/lib/generation/jobs");
const { createFrameRecorder } = await import("@/lib/generation/frame-recorder");
const { createJobLeases } = await import("@/lib/generation/job-leases");
const { createGenerationLogger } = await import("@/lib/generation/logger");

/** A job as its claim hands it over (the claim would have stored its row). */
function claimed() {
  const logger = createGenerationLogger();
  return { logger, job: newJob(logger.requestId) };
}

const ticket = { id: "ticket", remaining: null };

/** A job that reports `steps` progress frames, one per turn of the event loop. */
function runJob(steps: number) {
  return startJob({
    ...claimed(),
    ticket,
    async *generate() {
      for (let step = 1; step <= steps; step++) {
        yield { type: "progress", stage: "curriculum", progress: step, message: `${step}` };
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  });
}

describe("frames of the jobs running in one process", () => {
  it("are written together, in far fewer statements than frames, and all of them", async () => {
    writes.length = 0;
    endFrames.length = 0;
    const jobs = await Promise.all(Array.from({ length: 20 }, () => runJob(5)));
    await Promise.all(jobs.map((job) => job.finished));
    const stored = [...writes.flat(), ...endFrames];
    // Five progress frames and the end (no done frame here: it ends as cancelled).
    expect(stored).toHaveLength(20 * 6);
    for (const job of jobs) {
      const seqs = stored.filter((row) => row.jobId === job.id).map((row) => row.seq);
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    }
    // One statement per frame and job would be 120; one per job, 20 or more (each job's
    // end is a statement anyway: what it still had to store goes with it).
    expect(writes.length).toBeLessThan(10);
  });

  it("of a job whose write fails do not cost other jobs theirs", async () => {
    writes.length = 0;
    failJob = "bad";
    const logger = { requestId: "x", info: () => {}, error: vi.fn() };
    const recorder = createFrameRecorder(undefined, 5);
    for (const jobId of ["good-1", "bad", "good-2"]) {
      recorder.record({ jobId, seq: 1, event: "progress", data: "{}" }, logger);
    }
    await recorder.flushed();
    failJob = undefined;
    expect(writes.flat().map((row) => row.jobId)).toEqual(["good-1", "good-2"]);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });
});

describe("a finished job", () => {
  it("is no longer held in memory once its frames are stored", async () => {
    const jobs = await Promise.all(Array.from({ length: 10 }, () => runJob(3)));
    expect(liveJobCount()).toBeGreaterThanOrEqual(1);
    await Promise.all(jobs.map((job) => job.finished));
    expect(liveJobCount()).toBe(0);
  });
});

describe("the leases of running jobs", () => {
  it("are renewed in one statement for all jobs, and a renewal can stop a job", async () => {
    renewals.length = 0;
    cancelRequested = new Set(["b"]);
    const leases = createJobLeases(undefined, 60_000);
    const heard: string[] = [];
    for (const id of ["a", "b", "c"]) {
      leases.hold(id, (state) => heard.push(`${id}:${state.cancelRequested}`));
    }
    await leases.renewAll();
    expect(renewals).toEqual([["a", "b", "c"]]);
    expect(heard).toEqual(["a:false", "b:true", "c:false"]);
    for (const id of ["a", "b", "c"]) leases.release(id);
    await leases.renewAll();
    expect(renewals).toHaveLength(1);
  });
});

describe("the sweep for dead jobs", () => {
  it("never counts a job running in its own process as dead, whatever its lease says", async () => {
    let finish: () => void = () => {};
    const job = await startJob({
      ...claimed(),
      ticket,
      async *generate() {
        yield { type: "progress", stage: "curriculum", progress: 1, message: "1" };
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
    });
    await sweepDeadJobs();
    expect(sparedBySweep.at(-1)).toContain(job.id);
    finish();
    await job.finished;
  });

  it("gives every dead job's ticket back, even when its interrupted frame cannot be stored", async () => {
    deadJobs = [
      { id: "dead-1", ticketId: "ticket-1", lastSeq: 4 },
      { id: "dead-2", ticketId: "ticket-2", lastSeq: 7 },
    ];
    await expect(sweepDeadJobs()).rejects.toThrow("duplicate key");
    expect(ticketsGivenBack.sort()).toEqual(["ticket-1", "ticket-2"]);
  });
});
