import { describe, expect, it } from "vitest";
import { createFrameRecorder } from "@/lib/generation/frame-recorder";
import { createGenerationLogger } from "@/lib/generation/logger";

// The recorder writes the frames of all jobs together. A job's end waits for `flushed`
// and then marks the job finished, which readers on other instances trust to mean
// "every frame is stored": so `flushed` must not settle while a frame recorded before
// it is still being written, and one job's frames must never be committed out of order.

const logger = createGenerationLogger();
const frame = (jobId: string, seq: number) => ({ jobId, seq, event: "progress", data: "{}" });
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the frame recorder", () => {
  it("settles flushed only after every earlier frame is stored, one write at a time, in order", async () => {
    const stored: string[] = [];
    let writing = 0;
    let overlapped = false;
    const recorder = createFrameRecorder(async (rows) => {
      writing += 1;
      if (writing > 1) overlapped = true;
      await tick(15); // a slow statement
      for (const row of rows) stored.push(`${row.jobId}:${row.seq}`);
      writing -= 1;
    }, 5);

    recorder.record(frame("a", 1), logger);
    recorder.record(frame("b", 1), logger);
    await tick(8); // the window's write is under way
    recorder.record(frame("a", 2), logger);
    const aDone = recorder.flushed().then(() => [...stored]);
    recorder.record(frame("b", 2), logger);
    const bDone = recorder.flushed().then(() => [...stored]);
    recorder.record(frame("a", 3), logger);

    expect(await aDone).toEqual(expect.arrayContaining(["a:1", "b:1", "a:2"]));
    expect(await bDone).toEqual(expect.arrayContaining(["a:1", "b:1", "a:2", "b:2"]));
    await recorder.flushed();
    expect(overlapped).toBe(false);
    expect(stored.filter((id) => id.startsWith("a:"))).toEqual(["a:1", "a:2", "a:3"]);
    expect(stored.filter((id) => id.startsWith("b:"))).toEqual(["b:1", "b:2"]);
  });

  it("settles flushed after a bounded number of writes while other jobs keep recording", async () => {
    let writes = 0;
    const recorder = createFrameRecorder(async () => {
      await tick(10);
      writes += 1;
    }, 5);
    let recording = true;
    const otherJobs = (async () => {
      // Other streams record a frame every few milliseconds, whatever the recorder does.
      for (let seq = 1; recording && seq < 400; seq += 1) {
        recorder.record(frame(`job-${seq % 7}`, seq), logger);
        await tick(2);
      }
    })();
    await tick(12);
    recorder.record(frame("ending", 1), logger);
    await recorder.flushed();
    const writesWhenFlushed = writes;
    recording = false;
    await otherJobs;
    await recorder.flushed();
    // The write under way, the window's write and flushed's own: never "once it is quiet".
    expect(writesWhenFlushed).toBeLessThanOrEqual(4);
  });

  it("writes at once when a job ends, not when the window would have closed", async () => {
    const writes: number[] = [];
    const recorder = createFrameRecorder(async () => {
      writes.push(Date.now());
    }, 10_000);
    recorder.record(frame("ending", 1), logger);
    const started = Date.now();
    await recorder.flushed();
    // A job's end (and its readers' streams closing) waited out the whole window before.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(writes).toHaveLength(1);
    // A later frame opens a new window as usual.
    recorder.record(frame("next", 1), logger);
    await recorder.flushed();
    expect(writes).toHaveLength(2);
  });
});
