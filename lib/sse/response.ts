import { encodeFrame, SSE_PING, type SseFrame } from "./encode";

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

const PING_INTERVAL_MS = 15_000;

/**
 * Streams frames as SSE, one frame per pull so nothing is buffered ahead of the reader.
 * The request's abort signal (tab closed, fetch aborted) and the stream's own cancel()
 * both abort the signal `run` gets, so whatever feeds this reader stops at once (a
 * generation job's reader stops reading; the job itself goes on).
 */
export function createSseResponse(
  run: (signal: AbortSignal) => AsyncGenerator<SseFrame>,
  requestSignal: AbortSignal,
  headers: Record<string, string> = {},
): Response {
  const controller = new AbortController();
  const abort = () => controller.abort(requestSignal.reason);
  requestSignal.addEventListener("abort", abort, { once: true });
  const frames = run(controller.signal);
  let ping: ReturnType<typeof setInterval> | undefined;

  const release = () => {
    clearInterval(ping);
    requestSignal.removeEventListener("abort", abort);
  };

  const body = new ReadableStream<Uint8Array>({
    start(stream) {
      ping = setInterval(() => stream.enqueue(SSE_PING), PING_INTERVAL_MS);
    },
    async pull(stream) {
      try {
        const step = await frames.next();
        if (step.done) {
          release();
          stream.close();
          return;
        }
        stream.enqueue(encodeFrame(step.value));
      } catch (error) {
        // The generation turns its own failures into error frames; reaching here means
        // the reader went away mid-write. Nothing is left to tell anyone.
        release();
        stream.error(error);
      }
    },
    async cancel(reason) {
      controller.abort(reason);
      release();
      await frames.return(undefined).catch(() => {});
    },
  });

  return new Response(body, { headers: { ...SSE_HEADERS, ...headers } });
}
