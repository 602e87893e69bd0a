import { encodeSseFrame, SSE_PING } from "@/lib/sse/encode";
import type { GenerationEvent } from "./events";

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

const PING_INTERVAL_MS = 15_000;

/**
 * Streams events as SSE frames, one frame per pull so nothing is buffered ahead of the
 * reader. The request's abort signal (tab closed, fetch aborted) and the stream's own
 * cancel() both abort the one controller whose signal every upstream call uses, so a
 * cancelled generation stops spending tokens at once.
 */
export function createSseResponse(
  run: (signal: AbortSignal) => AsyncGenerator<GenerationEvent>,
  requestSignal: AbortSignal,
  headers: Record<string, string> = {},
): Response {
  const controller = new AbortController();
  const abort = () => controller.abort(requestSignal.reason);
  requestSignal.addEventListener("abort", abort, { once: true });
  const events = run(controller.signal);
  let frameId = 0;
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
        const step = await events.next();
        if (step.done) {
          release();
          stream.close();
          return;
        }
        frameId += 1;
        stream.enqueue(encodeSseFrame(frameId, step.value));
      } catch (error) {
        // The pipeline turns its own failures into error events; reaching here means
        // the reader went away mid-write. Nothing is left to tell anyone.
        release();
        stream.error(error);
      }
    },
    async cancel(reason) {
      controller.abort(reason);
      release();
      await events.return(undefined).catch(() => {});
    },
  });

  return new Response(body, { headers: { ...SSE_HEADERS, ...headers } });
}
