import { describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { encodeSseFrame, SSE_PING } from "@/lib/sse/encode";
import type { DoneEvent, FailureEvent, GenerationEvent } from "@/lib/sse/events";
import { readGenerationStream } from "@/lib/sse/read";

const path: LearningPath = {
  title: "Go in 4 weeks",
  summary: "From syntax to a small web service.",
  topic: "Go",
  prerequisites: [],
  level: "beginner",
  learningStyle: "reading",
  durationWeeks: 4,
  hoursPerWeek: 3,
  totalHours: 12,
  goals: [],
  milestones: [
    {
      title: "Line one\nline two: «ünïcødé» 🚀",
      description: "",
      weekStart: 1,
      weekEnd: 4,
      estimatedHours: 12,
      skillsGained: [],
      resources: [
        {
          type: "documentation",
          title: "Tour",
          url: "https://go.dev/tour",
          description: "",
          free: true,
        },
      ],
    },
  ],
  schedule: [],
  careerInsights: {
    relatedRoles: [],
    skillsInDemand: [],
    salaryRange: { text: "", region: "", caveat: "" },
    outlook: "",
    nextSteps: [],
  },
  generatedBy: { provider: "offline", model: "catalog" },
  generatedAt: "2026-11-29T00:00:00.000Z",
};

const progress: GenerationEvent[] = [
  { type: "progress", stage: "analyzing", progress: 0, message: "Analyzing your topic..." },
  {
    type: "progress",
    stage: "curriculum",
    progress: 21,
    message: "Building curriculum structure...",
    milestone: { index: 0, title: "Line one\nline two: «ünïcødé» 🚀" },
  },
];

const done: DoneEvent = {
  type: "done",
  stage: "complete",
  progress: 100,
  message: "Complete!",
  done: true,
  redirect_url: "/paths/abc123",
  path,
};

const failure: FailureEvent = {
  type: "error",
  stage: "curriculum",
  progress: 21,
  message: "Oops",
  error: "Oops",
  code: "timeout",
};

/** The two ways a generation stream ends: with a done frame, or with an error frame. */
const streams = { succeeded: [...progress, done], failed: [...progress, failure] };

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

/** The events as frames on the wire, with a ping comment after the first. */
const wireOf = (events: GenerationEvent[]) =>
  concat(
    events.flatMap((event, i) => [encodeSseFrame(i + 1, event), ...(i === 0 ? [SSE_PING] : [])]),
  );

/**
 * What the earlier product's clients did with the stream: read only `data:` lines (no
 * `event:`, no `id:`), show progress and message, follow redirect_url once `done` is set,
 * and show `error` when it is set.
 */
function readLikeEarlierClients(wire: Uint8Array) {
  const seen = {
    progress: [] as number[],
    messages: [] as string[],
    done: false,
    redirectedTo: undefined as string | undefined,
    error: undefined as string | undefined,
  };
  for (const line of new TextDecoder().decode(wire).split("\n")) {
    if (!line.startsWith("data: ")) continue;
    const data = JSON.parse(line.slice("data: ".length));
    seen.progress.push(data.progress);
    seen.messages.push(data.message);
    if (data.done) {
      seen.done = data.done;
      seen.redirectedTo = data.redirect_url;
    }
    if (data.error) seen.error = data.error;
  }
  return seen;
}

describe("SSE frame encoder and parser", () => {
  it("writes id, event and a single data line per frame", () => {
    const text = new TextDecoder().decode(encodeSseFrame(2, progress[1]!));
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("id: 2");
    expect(lines[1]).toBe("event: progress");
    expect(JSON.parse(lines[2]!.slice("data: ".length))).toMatchObject({
      progress: 21,
      message: "Building curriculum structure...",
    });
  });

  describe.each(Object.entries(streams))("a stream that %s", (_, events) => {
    const wire = wireOf(events);

    it("round-trips its events, skipping ping comments", async () => {
      expect(await decode([wire])).toEqual(events);
    });

    it("round-trips frames split at every possible byte, including inside multi-byte characters", async () => {
      for (let cut = 1; cut < wire.byteLength; cut += 7) {
        expect(await decode([wire.slice(0, cut), wire.slice(cut)])).toEqual(events);
      }
      const bytes = Array.from(wire, (byte) => Uint8Array.of(byte));
      expect(await decode(bytes)).toEqual(events);
    });

    it("accepts CRLF line endings", async () => {
      const crlf = new TextEncoder().encode(
        new TextDecoder().decode(wire).replaceAll("\n", "\r\n"),
      );
      expect(await decode([crlf])).toEqual(events);
    });
  });

  it("keeps the earlier product's clients working: data lines alone carry progress, message, done and redirect_url", () => {
    expect(readLikeEarlierClients(wireOf(streams.succeeded))).toEqual({
      progress: [0, 21, 100],
      messages: ["Analyzing your topic...", "Building curriculum structure...", "Complete!"],
      done: true,
      redirectedTo: "/paths/abc123",
      error: undefined,
    });
  });

  it("keeps the earlier product's clients working: data lines alone carry the error", () => {
    expect(readLikeEarlierClients(wireOf(streams.failed))).toEqual({
      progress: [0, 21, 21],
      messages: ["Analyzing your topic...", "Building curriculum structure...", "Oops"],
      done: false,
      redirectedTo: undefined,
      error: "Oops",
    });
  });
});
