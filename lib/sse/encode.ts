import type { GenerationEvent } from "./events";

const encoder = new TextEncoder();

/**
 * One WHATWG event-stream frame: `id:` (sequence number), `event:` (the event type) and
 * a single `data:` line of JSON. JSON.stringify never emits raw newlines, so the data
 * always fits on one line and seed-style clients reading only `data:` keep working.
 */
export function encodeSseFrame(id: number, event: GenerationEvent): Uint8Array {
  const { type, ...data } = event;
  return encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** A comment frame: ignored by parsers, keeps idle proxies from closing the connection. */
export const SSE_PING: Uint8Array = encoder.encode(": ping\n\n");
