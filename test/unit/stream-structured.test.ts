import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { streamStructured } from "@/lib/providers/openai/stream-structured";
import { curriculumDraftSchema, milestoneDraftSchema } from "@/lib/providers/types";
import { fakeAnswer } from "../fake-openai/answers";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";

let fake: FakeOpenAi;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  client = new OpenAI({ apiKey: "test", baseURL: fake.url, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const call = (
  signal = new AbortController().signal,
  idleTimeoutMs = 5_000,
  deadline = Date.now() + 20_000,
) =>
  streamStructured({
    client,
    model: "fake-model",
    name: "curriculum",
    schema: curriculumDraftSchema,
    messages: [
      {
        role: "user",
        content: '<request>{"topic":"Go","durationWeeks":12,"hoursPerWeek":3}</request>',
      },
    ],
    items: { path: "$.milestones.*", schema: milestoneDraftSchema },
    signal,
    deadline,
    idleTimeoutMs,
    maxTokens: 4_000,
    tokenLimitField: "max_tokens",
  });

describe("incremental structured output parsing", () => {
  it.each([1, 3, 7, 64, 10_000])(
    "yields every milestone and the whole document with %i-character chunks",
    async (chunkSize) => {
      fake.setScenario({ chunkSize });
      const stream = call();
      const titles: string[] = [];
      let step = await stream.next();
      while (!step.done) {
        titles.push(step.value.title);
        step = await stream.next();
      }
      expect(titles).toEqual([
        "Go stage 1",
        "Go stage 2",
        "Go stage 3",
        "Go stage 4",
        "Go stage 5",
        "Go stage 6",
      ]);
      expect(step.value.milestones.map((m) => m.title)).toEqual(titles);
    },
  );

  it("yields a milestone as soon as its closing brace arrives, before the answer ends", async () => {
    fake.setScenario({ chunkSize: 4, delayMs: 2 });
    const stream = call();
    const first = await stream.next();
    expect(first.done).toBe(false);
    const [request] = fake.requests;
    expect(request?.completed).toBe(false);
    // Six milestones: the first one is complete well before half the answer was sent.
    const answerLength = fakeAnswer("curriculum", request!.userMessage).length;
    expect(request!.chunksSent * 4).toBeLessThan(answerLength / 2);
    await stream.return(undefined as never);
  });
});

describe("a model that goes quiet", () => {
  it.each([0, 5])(
    "is abandoned with a timeout error after the idle limit (quiet after %i chunks), and the request is closed",
    async (afterChunks) => {
      fake.setScenario({ hang: { afterChunks }, chunkSize: 8 });
      // The stage deadline is far off: only the idle timer can end the call this early.
      const stream = call(new AbortController().signal, 300, Date.now() + 10_000);
      const error = await (async () => {
        for (;;) {
          const step = await stream.next();
          if (step.done) return undefined;
        }
      })().catch((caught: unknown) => caught);
      // Which timer fired is in the message: the idle one, not the stage deadline.
      expect(error).toMatchObject({ code: "timeout", message: "curriculum: model went quiet" });
      expect(fake.requests[0]?.chunksSent).toBe(afterChunks);
      await expect.poll(() => fake.requests[0]?.closedEarly).toBe(true);
    },
  );
});
