import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CurriculumFault, fakeAnswer, type ResourcesFault } from "./answers";

// A small server that speaks the OpenAI Chat Completions HTTP API (streamed
// chat.completion.chunk frames), so tests run the real openai SDK code. It can be slowed
// down and told to fail, and it records whether each request was closed by the client
// before the answer was complete (that is how tests prove Cancel stops the upstream call).
// Like a real server it stops at the request's token limit (max_tokens or
// max_completion_tokens, a token being 4 characters here) with finish_reason "length".

export type CallKind = "curriculum" | "resources" | "career_insights" | "milestone";

export type Scenario = {
  /** Milliseconds between streamed chunks. */
  delayMs?: number;
  /** Characters of JSON per chunk (a rough stand-in for a token). */
  chunkSize?: number;
  /**
   * Answer this call kind with an HTTP error instead of a stream: every time, or only its
   * first `times` requests (a retry then succeeds). `retryAfter` is sent as Retry-After.
   */
  failWith?: {
    kind?: CallKind;
    status: 429 | 500 | 502 | 503 | 401;
    times?: number;
    retryAfter?: string;
    /** The error's `code` field (OpenAI sends "insufficient_quota" with some 429s). */
    code?: string;
  };
  /** Close the connection before sending any response, for the first `times` requests of this kind. */
  resetConnection?: { kind?: CallKind; times: number };
  /** Stream text that is not valid JSON for this call kind. */
  malformed?: CallKind;
  /** Like `malformed`, but only the first request of this kind (a repair then succeeds). */
  malformedOnce?: CallKind;
  /** Drop the TCP connection after this many chunks of this call kind (only the first `times` requests, if set). */
  dropAfter?: { kind?: CallKind; chunks: number; times?: number };
  /** Send headers and this many chunks of this call kind, then nothing until the client leaves. */
  hang?: { kind?: CallKind; afterChunks: number };
  /** Finish with finish_reason "content_filter" for this call kind. */
  contentFilter?: CallKind;
  /** Answer the resources call with no usable link for these milestones. */
  linkless?: Pick<ResourcesFault, "badLinks" | "noLinks">;
  /** Answer the resources call with the same resources for every milestone. */
  repeatedResources?: boolean;
  /**
   * Answer curriculum calls with too few milestones or wrong hours (a continuation that
   * asks for the missing milestones is answered properly); only the first `times`, if set.
   */
  curriculum?: CurriculumFault & { times?: number };
  /** Stop the answer after this share of it with finish_reason "length" (first `times`, if set). */
  cutOff?: { kind?: CallKind; fraction?: number; times?: number };
  /**
   * Hold every request this long before answering at all, as a one-slot local server
   * (llama.cpp, Ollama) holds the second user while it serves the first.
   */
  queuedMs?: number;
};

export type RecordedRequest = {
  id: number;
  kind: CallKind | "unknown";
  model: string;
  stream: boolean;
  userMessage: string;
  /** The last user message (a repair request's feedback, for example). */
  lastUserMessage: string;
  chunksSent: number;
  completed: boolean;
  /** The client closed the connection before the answer was complete. */
  closedEarly: boolean;
  /** Characters of answer text streamed so far. */
  contentChars: number;
  /** Wall-clock time (ms since the epoch, sub-ms precision) each milestone's last chunk was written. */
  milestoneSentAt: number[];
  /** The token limit the request carried, and under which name. */
  maxTokens?: number;
  tokenLimitField?: "max_tokens" | "max_completion_tokens";
  /** Characters of all the request's messages together: what the prompt costs. */
  promptChars: number;
  finishReason?: string;
};

/** A token, for the fake's limits and usage: about four characters of English or JSON. */
const CHARS_PER_TOKEN = 4;

const now = () => performance.timeOrigin + performance.now();

/** Character offsets just past each `milestones[i]` item of a JSON answer. */
function milestoneEnds(text: string): number[] {
  try {
    const items = (JSON.parse(text) as { milestones?: unknown[] }).milestones ?? [];
    const ends: number[] = [];
    let from = 0;
    for (const item of items) {
      const serialised = JSON.stringify(item);
      const at = text.indexOf(serialised, from);
      if (at < 0) break;
      from = at + serialised.length;
      ends.push(from);
    }
    return ends;
  } catch {
    return [];
  }
}

/** The token limit a request carried, under either of the names servers accept. */
function tokenLimit(
  body: Record<string, unknown>,
): Pick<RecordedRequest, "maxTokens" | "tokenLimitField"> {
  for (const field of ["max_completion_tokens", "max_tokens"] as const) {
    const value = body[field];
    if (typeof value === "number") return { maxTokens: value, tokenLimitField: field };
  }
  return {};
}

/** The answer as sent: whole, or stopped where the token limit or a cut-off fault ends it. */
function cutAnswer(
  answer: string,
  maxTokens: number | undefined,
  cutOff: { fraction?: number } | undefined,
): { text: string; finish: string } {
  let limit = maxTokens === undefined ? answer.length : maxTokens * CHARS_PER_TOKEN;
  if (cutOff) limit = Math.min(limit, Math.floor(answer.length * (cutOff.fraction ?? 0.6)));
  return limit < answer.length
    ? { text: answer.slice(0, limit), finish: "length" }
    : { text: answer, finish: "stop" };
}

export type FakeOpenAi = {
  url: string;
  server: Server;
  requests: RecordedRequest[];
  setScenario(scenario: Scenario): void;
  reset(): void;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function chunkFrame(id: string, model: string, delta: object, finishReason: string | null = null) {
  return `data: ${JSON.stringify({
    id,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  })}\n\n`;
}

export function createFakeOpenAi(): {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  state: { scenario: Scenario; requests: RecordedRequest[] };
} {
  const state = { scenario: {} as Scenario, requests: [] as RecordedRequest[] };

  async function completions(req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req);
    const format = body.response_format as { json_schema?: { name?: string } } | undefined;
    const name = format?.json_schema?.name;
    const kind: CallKind | "unknown" =
      name === "curriculum" ||
      name === "resources" ||
      name === "career_insights" ||
      name === "milestone"
        ? name
        : "unknown";
    const messages = (body.messages as { role: string; content: string }[]) ?? [];
    const record: RecordedRequest = {
      id: state.requests.length + 1,
      kind,
      model: String(body.model),
      stream: body.stream === true,
      userMessage: messages.find((message) => message.role === "user")?.content ?? "",
      lastUserMessage: messages.filter((message) => message.role === "user").at(-1)?.content ?? "",
      chunksSent: 0,
      completed: false,
      closedEarly: false,
      contentChars: 0,
      milestoneSentAt: [],
      ...tokenLimit(body),
      promptChars: messages.reduce((sum, message) => sum + message.content.length, 0),
    };
    state.requests.push(record);
    res.on("close", () => {
      if (!record.completed) record.closedEarly = true;
    });
    const scenario = state.scenario;
    if (scenario.queuedMs) await sleep(scenario.queuedMs);
    if (res.destroyed) return;

    const ofKind = state.requests.filter((r) => r.kind === kind).length;
    /** Whether a fault for `faultKind`, limited to its first `times` requests, hits this one. */
    const hits = (fault: { kind?: CallKind; times?: number } | undefined) =>
      fault !== undefined &&
      (!fault.kind || fault.kind === kind) &&
      (fault.times === undefined || ofKind <= fault.times);

    if (hits(scenario.resetConnection)) {
      record.completed = true;
      req.socket.destroy();
      return;
    }
    const failure = scenario.failWith;
    if (failure && hits(failure)) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (failure.retryAfter) headers["retry-after"] = failure.retryAfter;
      res.writeHead(failure.status, headers);
      res.end(
        JSON.stringify({
          error: { message: `fake ${failure.status}`, type: "fake_error", code: failure.code },
        }),
      );
      record.completed = true;
      return;
    }

    const firstOfKind = ofKind === 1;
    const broken = scenario.malformed === kind || (scenario.malformedOnce === kind && firstOfKind);
    const answer = broken
      ? '{"milestones": [{"title": "Broken'
      : fakeAnswer(kind, record.userMessage, {
          curriculum: hits(scenario.curriculum) ? scenario.curriculum : undefined,
          resources: { ...scenario.linkless, repeated: scenario.repeatedResources },
        });
    const { text, finish } = cutAnswer(
      answer,
      record.maxTokens,
      hits(scenario.cutOff) ? scenario.cutOff : undefined,
    );
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const id = `chatcmpl-fake-${record.id}`;
    const model = record.model;
    res.write(chunkFrame(id, model, { role: "assistant", content: "" }));
    const size = scenario.chunkSize ?? 24;
    const ends = milestoneEnds(text);
    const drop = hits(scenario.dropAfter) ? scenario.dropAfter : undefined;
    const hang =
      scenario.hang && (!scenario.hang.kind || scenario.hang.kind === kind)
        ? scenario.hang
        : undefined;
    if (hang?.afterChunks === 0) return;
    for (let offset = 0; offset < text.length; offset += size) {
      if (res.destroyed) return;
      if (drop && record.chunksSent >= drop.chunks) {
        record.completed = true;
        res.socket?.destroy();
        return;
      }
      res.write(chunkFrame(id, model, { content: text.slice(offset, offset + size) }));
      record.chunksSent += 1;
      if (hang && record.chunksSent >= hang.afterChunks) return;
      record.contentChars = Math.min(text.length, offset + size);
      while (
        ends.length > record.milestoneSentAt.length &&
        (ends[record.milestoneSentAt.length] ?? 0) <= offset + size
      ) {
        record.milestoneSentAt.push(now());
      }
      if (scenario.delayMs) await sleep(scenario.delayMs);
    }
    if (res.destroyed) return;
    record.finishReason = scenario.contentFilter === kind ? "content_filter" : finish;
    res.write(chunkFrame(id, model, {}, record.finishReason));
    res.write(
      `data: ${JSON.stringify({
        id,
        object: "chat.completion.chunk",
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [],
        usage: {
          prompt_tokens: Math.ceil(record.promptChars / CHARS_PER_TOKEN),
          completion_tokens: Math.ceil(text.length / CHARS_PER_TOKEN),
          total_tokens: 0,
        },
      })}\n\n`,
    );
    res.write("data: [DONE]\n\n");
    record.completed = true;
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    try {
      if (req.method === "POST" && url.pathname.endsWith("/chat/completions")) {
        await completions(req, res);
      } else if (req.method === "POST" && url.pathname === "/__scenario") {
        state.scenario = (await readJson(req)) as Scenario;
        res.writeHead(204).end();
      } else if (req.method === "POST" && url.pathname === "/__reset") {
        state.scenario = {};
        state.requests.length = 0;
        res.writeHead(204).end();
      } else if (req.method === "GET" && url.pathname === "/__requests") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(state.requests));
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    }
  }

  return { handle, state };
}

export async function startFakeOpenAi(port = 0): Promise<FakeOpenAi> {
  const { handle, state } = createFakeOpenAi();
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/v1`,
    server,
    requests: state.requests,
    setScenario(scenario) {
      state.scenario = scenario;
    },
    reset() {
      state.scenario = {};
      state.requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
