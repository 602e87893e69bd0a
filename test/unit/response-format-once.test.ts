import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { curriculumDraftSchema } from "@/lib/providers/types";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";

// Converting a zod schema to the JSON-schema response format cost ~1-4 ms of CPU per
// model call (three per generation) and gives the same answer every time: it is made
// once per schema. The real SDK helper runs; the spy only counts its calls.

const made = vi.hoisted(() => ({ count: 0 }));
vi.mock("openai/helpers/zod", async (importOriginal) => {
  const real = await importOriginal<typeof import("openai/helpers/zod")>();
  return {
    ...real,
    zodResponseFormat: (...args: Parameters<typeof real.zodResponseFormat>) => {
      made.count += 1;
      return real.zodResponseFormat(...args);
    },
  };
});

const { streamStructured } = await import("@/lib/providers/openai/stream-structured");

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());

describe("the response format of a model call", () => {
  it("is made once per schema, however many calls use it, and still sent with each", async () => {
    const client = new OpenAI({ apiKey: "test", baseURL: fake.url, maxRetries: 0 });
    for (let i = 0; i < 3; i++) {
      const stream = streamStructured({
        client,
        model: "fake-model",
        name: "curriculum",
        schema: curriculumDraftSchema,
        messages: [
          { role: "user", content: '<request>{"topic":"Go","durationWeeks":12}</request>' },
        ],
        signal: new AbortController().signal,
        deadline: Date.now() + 60_000,
        idleTimeoutMs: 30_000,
        maxTokens: 4_000,
        tokenLimitField: "max_tokens",
      });
      while (!(await stream.next()).done);
    }
    expect(made.count).toBe(1);
    expect(fake.requests.map((request) => request.kind)).toEqual([
      "curriculum",
      "curriculum",
      "curriculum",
    ]);
  });
});
