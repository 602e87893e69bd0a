import { describe, expect, it } from "vitest";
import { encodeSseFrame, SSE_PING } from "@/lib/sse/encode";
import type { GenerationEvent } from "@/lib/sse/events";
import { readGenerationStream } from "@/lib/sse/read";

const events: GenerationEvent[] = [
  { type: "progress", stage: "analyzing", progress: 0, message: "Analyzing your topic..." },
  {
    type: "progress",
    stage: "curriculum",
    progress: 21,
    message: "Building curriculum structure...",
    milestone: { index: 0, title: "Line one\nline two: «ünïcødé» 🚀" },
  },
  {
    type: "error",
    stage: "curriculum",
    progress: 21,
    message: "Oops",
    error: "Oops",
    code: "timeout",
  },
];

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
};

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function decode(chunks: Uint8Array[]): Promise<GenerationEvent[]> {
  const seen: GenerationEvent[] = [];
  await readGenerationStream(streamOf(chunks), (event) => seen.push(event));
  return seen;
}

const wire = concat([
  encodeSseFrame(1, events[0]!),
  SSE_PING,
  encodeSseFrame(2, events[1]!),
  encodeSseFrame(3, events[2]!),
]);

describe("SSE frame encoder and parser", () => {
  it("writes id, event and a single data line per frame", () => {
    const text = new TextDecoder().decode(encodeSseFrame(2, events[1]!));
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("id: 2");
    expect(lines[1]).toBe("event: progress");
    expect(JSON.parse(lines[2]!.slice("data: ".length))).toMatchObject({
      progress: 21,
      message: "Building curriculum structure...",
    });
  });

  it("round-trips events, skipping ping comments", async () => {
    expect(await decode([wire])).toEqual(events);
  });

  it("handles frames split at every possible byte, including inside multi-byte characters", async () => {
    for (let cut = 1; cut < wire.byteLength; cut += 7) {
      expect(await decode([wire.slice(0, cut), wire.slice(cut)])).toEqual(events);
    }
    const bytes = Array.from(wire, (byte) => Uint8Array.of(byte));
    expect(await decode(bytes)).toEqual(events);
  });

  it("accepts CRLF line endings", async () => {
    const crlf = new TextEncoder().encode(new TextDecoder().decode(wire).replaceAll("\n", "\r\n"));
    expect(await decode([crlf])).toEqual(events);
  });

  it("keeps seed-style clients working: data lines alone carry progress, message, done and error", () => {
    const text = new TextDecoder().decode(wire);
    const data = text
      .split("\n")
      .filter((line) => line.startsWith("data: "))
      .map((line) => JSON.parse(line.slice(6)));
    expect(data.map((d) => d.progress)).toEqual([0, 21, 21]);
    expect(data[2]).toMatchObject({ error: "Oops", code: "timeout" });
  });
});
