import { describe, expect, it } from "vitest";
import { createFrameRecorder } from "@/lib/generation/frame-recorder";
import { createGenerationLogger } from "@/lib/generation/logger";

// The recorder writes the frames of all jobs together. A job's end takes its frames
// still waiting (`takeFramesOf`) and stores them as it marks the job finished, which
// readers on other instances trust to mean "every frame is stored": so it must not get
// them while an earlier frame of the job is still being written, and one job's frames
// must never be committed out of order.

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

  it("gives a job's end its waiting frames at once, after any write holding its earlier ones", async () => {
    const stored: string[] = [];
    const recorder = createFrameRecorder(async (rows) => {
      await tick(15); // a slow statement
      for (const row of rows) stored.push(`${row.jobId}:${row.seq}`);
    }, 10_000);
    recorder.record(frame("ending", 1), logger);
    recorder.record(frame("other", 1), logger);
    void recorder.flushed(); // a write holding ending:1 is under way
    recorder.record(frame("ending", 2), logger);
    recorder.record(frame("other", 2), logger);
    const started = Date.now();
    const taken = await recorder.takeFramesOf("ending");
    // Its first frame is stored before its end is; the rest goes with the end, which
    // waited for that write only, never for a window (10 s here) to run out.
    expect(stored).toContain("ending:1");
    expect(taken.map((row) => `${row.jobId}:${row.seq}`)).toEqual(["ending:2"]);
    expect(Date.now() - started).toBeLessThan(5_000);
    await recorder.flushed();
    expect(stored).toEqual(["ending:1", "other:1", "other:2"]);
  });
});
