import { BrowserApiError } from "@/lib/browser-api";
import type { DoneEvent, FailureEvent, GenerationEvent } from "@/lib/sse/events";
import { readGenerationStream } from "@/lib/sse/read";

// Reading a generation job to its end over a connection that may drop. Every frame has
// an id (its sequence number); after a drop the job is opened again after the last id
// seen, so nothing is shown twice and nothing is missed. Attempts back off and are
// bounded; any frame that arrives starts the count again.

/** Waits before each reconnect attempt in a row; their number bounds the attempts. */
export const RECONNECT_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000];

export type FollowOutcome = DoneEvent | FailureEvent | "lost";

type Follow = {
  /** The stream to read first: a new job's, or a resumed one's. */
  first: ReadableStream<Uint8Array>;
  /** Frames up to this id were already seen (0: none). */
  lastEventId?: number;
  /** Opens the job again after `lastEventId`. */
  resume: (lastEventId: number) => Promise<ReadableStream<Uint8Array>>;
  /** False when there is no job to open again (the server never said its id). */
  canResume: () => boolean;
  /** Each new frame, once, in order. */
  onEvent: (event: GenerationEvent, id: number) => void;
  /** A reconnect is about to be tried (the dialog says so until the next frame). */
  onReconnecting: () => void;
  signal: AbortSignal;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
};

const waitFor = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * Reads the job until its done or error frame, reconnecting after a drop (or a stream
 * that ended without either). Resolves with that frame, or "lost" when the job cannot be
 * reached again. Rejects only when `signal` aborts.
 */
export async function followJob(follow: Follow): Promise<FollowOutcome> {
  const { signal, wait = waitFor } = follow;
  let lastEventId = follow.lastEventId ?? 0;
  let end: DoneEvent | FailureEvent | undefined;
  let failedAttempts = 0;
  let stream: ReadableStream<Uint8Array> | null = follow.first;
  for (;;) {
    if (stream) {
      try {
        await readGenerationStream(stream, (event, rawId) => {
          const id = rawId === undefined ? Number.NaN : Number(rawId);
          if (Number.isFinite(id)) {
            if (id <= lastEventId) return;
            lastEventId = id;
          }
          failedAttempts = 0;
          follow.onEvent(event, lastEventId);
          if (event.type !== "progress") end = event;
        });
      } catch (error) {
        if (signal.aborted) throw error;
      }
      if (end) return end;
    }
    const delay = RECONNECT_DELAYS_MS[failedAttempts];
    if (delay === undefined || !follow.canResume()) return "lost";
    failedAttempts += 1;
    follow.onReconnecting();
    stream = null;
    await wait(delay, signal);
    try {
      stream = await follow.resume(lastEventId);
    } catch (error) {
      if (signal.aborted) throw error;
      // Unknown to the server (finished an hour ago, or not ours): nothing to come back to.
      if (error instanceof BrowserApiError && error.status === 404) return "lost";
    }
  }
}
