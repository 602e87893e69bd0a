import type { GenerationEvent } from "./events";

const encoder = new TextEncoder();

/** A frame ready to send or store: its sequence number, event type and JSON data. */
export type SseFrame = { seq: number; event: string; data: string };

/**
 * The frame's `data:` line: the event without its type, as JSON. JSON.stringify never
 * emits raw newlines, so the data always fits on one line and seed-style clients reading
 * only `data:` keep working.
 */
export function frameData(event: GenerationEvent & Record<string, unknown>): string {
  const { type: _type, ...data } = event;
  return JSON.stringify(data);
}

/** One WHATWG event-stream frame: `id:` (sequence number), `event:` and one `data:` line. */
export function encodeFrame(frame: SseFrame): Uint8Array {
  return encoder.encode(`id: ${frame.seq}\nevent: ${frame.event}\ndata: ${frame.data}\n\n`);
}

/** An event as frame number `id`. */
export function encodeSseFrame(id: number, event: GenerationEvent): Uint8Array {
  return encodeFrame({ seq: id, event: event.type, data: frameData(event) });
}

/** A comment frame: ignored by parsers, keeps idle proxies from closing the connection. */
export const SSE_PING: Uint8Array = encoder.encode(": ping\n\n");
