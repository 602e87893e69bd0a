import { createParser } from "eventsource-parser";

/** One SSE frame as a resuming reader sees it: its id, event name and parsed data. */
export type Frame = { id: number; event: string; data: Record<string, unknown> };

/**
 * Reads an SSE body's frames with their ids to the end, or until `until` says stop
 * (then the body is cancelled, as a reader that goes away would).
 */
export async function readFrames(
  response: Response,
  until?: (frame: Frame, frames: Frame[]) => boolean,
): Promise<Frame[]> {
  const frames: Frame[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let stop = false;
  const parser = createParser({
    onEvent(message) {
      const frame = {
        id: Number(message.id),
        event: message.event ?? "message",
        data: JSON.parse(message.data),
      };
      frames.push(frame);
      if (until?.(frame, frames)) stop = true;
    },
  });
  while (!stop) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  if (stop) await reader.cancel();
  return frames;
}
