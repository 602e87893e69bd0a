import { createParser } from "eventsource-parser";
import type { GenerationEvent } from "./events";

const EVENT_TYPES = new Set(["progress", "done", "error"]);

/**
 * Reads an SSE response body and calls `onEvent` for each generation event, with the
 * frame's `id:` (its sequence number, as sent; undefined when the frame had none) so a
 * reader can resume after it. Frames may be split across chunks, use CRLF, or be
 * comments; eventsource-parser handles all three. Resolves when the body ends; rejects if
 * reading fails (e.g. the connection dropped or the signal aborted the fetch).
 */
export async function readGenerationStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: GenerationEvent, id: string | undefined) => void,
): Promise<void> {
  const parser = createParser({
    onEvent(message) {
      const type = message.event ?? "message";
      if (!EVENT_TYPES.has(type)) return;
      const data = JSON.parse(message.data) as Omit<GenerationEvent, "type">;
      onEvent({ ...data, type } as GenerationEvent, message.id);
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}
