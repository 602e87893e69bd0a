import { describe, expect, it } from "vitest";
import {
  followJob,
  RECONNECT_DELAYS_MS,
} from "@/components/use-learning-path-generation/follow-job";
import { BrowserApiError } from "@/lib/browser-api";
import type { GenerationEvent } from "@/lib/sse/events";

const encoder = new TextEncoder();

const progress = (id: number) =>
  `id: ${id}\nevent: progress\ndata: ${JSON.stringify({ stage: "curriculum", progress: id * 10, message: `step ${id}` })}\n\n`;
const done = (id: number) =>
  `id: ${id}\nevent: done\ndata: ${JSON.stringify({ stage: "complete", progress: 100, message: "Done", done: true, redirect_url: "/result", path: {} })}\n\n`;

/** A body that sends `frames`, then ends cleanly, or fails when `drop` is set (a lost connection). */
function body(frames: string[], drop = false): ReadableStream<Uint8Array> {
  // One frame per read, then the end: erroring at once would discard frames not yet read.
  const queue = [...frames];
  return new ReadableStream({
    pull(controller) {
      const frame = queue.shift();
      if (frame !== undefined) controller.enqueue(encoder.encode(frame));
      else if (drop) controller.error(new TypeError("network error"));
      else controller.close();
    },
  });
}

function follow(
  first: ReadableStream<Uint8Array>,
  resumes: Array<ReadableStream<Uint8Array> | Error>,
  options: { canResume?: boolean } = {},
) {
  const seen: Array<{ id: number; event: GenerationEvent }> = [];
  const asked: number[] = [];
  const waits: number[] = [];
  let reconnecting = 0;
  const outcome = followJob({
    first,
    resume: async (lastEventId) => {
      asked.push(lastEventId);
      const next = resumes.shift();
      if (!next) throw new TypeError("offline");
      if (next instanceof Error) throw next;
      return next;
    },
    canResume: () => options.canResume ?? true,
    onEvent: (event, id) => seen.push({ id, event }),
    onReconnecting: () => {
      reconnecting += 1;
    },
    signal: new AbortController().signal,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return { outcome, seen, asked, waits, reconnecting: () => reconnecting };
}

describe("followJob: reading a generation over a connection that may drop", () => {
  it("after a drop, resumes after the last id seen and shows each frame once", async () => {
    // The resume replays frame 2 again (as a server might after a racing write): skipped.
    const run = follow(body([progress(1), progress(2)], true), [
      body([progress(2), progress(3), done(4)]),
    ]);
    const outcome = await run.outcome;
    expect(run.asked).toEqual([2]);
    expect(run.seen.map((frame) => frame.id)).toEqual([1, 2, 3, 4]);
    expect(outcome).toMatchObject({ type: "done", redirect_url: "/result" });
    expect(run.reconnecting()).toBe(1);
  });

  it("a stream that ends without done or error is followed again too", async () => {
    const run = follow(body([progress(1)]), [body([done(2)])]);
    expect(await run.outcome).toMatchObject({ type: "done" });
    expect(run.asked).toEqual([1]);
  });

  it("gives up as lost after a bounded number of failed attempts, backing off", async () => {
    const run = follow(body([progress(1)], true), []);
    expect(await run.outcome).toBe("lost");
    expect(run.asked).toEqual(RECONNECT_DELAYS_MS.map(() => 1));
    expect(run.waits).toEqual([...RECONNECT_DELAYS_MS]);
    expect([...run.waits]).toEqual([...run.waits].sort((a, b) => a - b));
  });

  it("a frame that arrives starts the attempt count again", async () => {
    const drops = RECONNECT_DELAYS_MS.map((_, index) => body([progress(index + 2)], true));
    const run = follow(body([progress(1)], true), [...drops, body([done(99)])]);
    expect(await run.outcome).toMatchObject({ type: "done" });
    expect(run.waits.every((ms) => ms === RECONNECT_DELAYS_MS[0])).toBe(true);
  });

  it("stops at once when the server no longer knows the job (404)", async () => {
    const gone = new BrowserApiError("Not found.", { code: "not_found", status: 404 });
    const run = follow(body([progress(1)], true), [gone]);
    expect(await run.outcome).toBe("lost");
    expect(run.asked).toEqual([1]);
  });

  it("without a job id there is nothing to resume: lost, with no attempt", async () => {
    const run = follow(body([progress(1)]), [], { canResume: false });
    expect(await run.outcome).toBe("lost");
    expect(run.asked).toEqual([]);
    expect(run.reconnecting()).toBe(0);
  });

  it("an error frame ends it like done does", async () => {
    const failure = `id: 2\nevent: error\ndata: ${JSON.stringify({ stage: "curriculum", progress: 10, message: "x", error: "x", code: "interrupted" })}\n\n`;
    const run = follow(body([progress(1), failure]), []);
    expect(await run.outcome).toMatchObject({ type: "error", code: "interrupted" });
  });
});
