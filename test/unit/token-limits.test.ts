import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { milestoneCountFor } from "@/lib/learning-path/plan-math";
import { OpenAiProvider } from "@/lib/providers/openai/openai-provider";
import {
  careerInsightsTokenLimit,
  curriculumTokenLimit,
  resourcesTokenLimit,
  tokenLimitFieldFor,
} from "@/lib/providers/openai/token-limits";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { collectEvents, request } from "../support/collect";

// Every model call carries a token limit derived from what it must write, under the
// field the server understands. The fake stops at the limit like a real server, so the
// limits are also checked to leave room for a whole answer.

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const provider = (tokenLimitField?: "max_tokens" | "max_completion_tokens") =>
  new OpenAiProvider({
    apiKey: "test",
    baseURL: fake.url,
    model: "fake-model",
    idleTimeoutMs: 5_000,
    tokenLimitField,
  });

describe("token limits", () => {
  it.each([2, 16])(
    "sends each call a limit sized by its milestones (%i weeks), and the answers fit it",
    async (durationWeeks) => {
      const count = milestoneCountFor(durationWeeks);
      const events = await collectEvents(provider(), request({ durationWeeks }));
      expect(events.at(-1)?.type).toBe("done");
      expect(fake.requests.map((r) => [r.kind, r.maxTokens, r.finishReason])).toEqual([
        ["curriculum", curriculumTokenLimit(count), "stop"],
        ["resources", resourcesTokenLimit(count), "stop"],
        ["career_insights", careerInsightsTokenLimit(), "stop"],
      ]);
    },
  );

  it("grows with what the call must write", () => {
    expect(curriculumTokenLimit(8)).toBeGreaterThan(curriculumTokenLimit(2));
    expect(resourcesTokenLimit(8)).toBeGreaterThan(resourcesTokenLimit(2));
  });

  it("goes as max_tokens to OpenAI-compatible servers, as max_completion_tokens to OpenAI", async () => {
    expect(tokenLimitFieldFor(undefined)).toBe("max_completion_tokens");
    expect(tokenLimitFieldFor("https://api.openai.com/v1")).toBe("max_completion_tokens");
    expect(tokenLimitFieldFor("http://localhost:11434/v1")).toBe("max_tokens");
    expect(tokenLimitFieldFor("http://127.0.0.1:8080/v1")).toBe("max_tokens");
    await collectEvents(provider(), request({ durationWeeks: 2 }));
    expect(new Set(fake.requests.map((r) => r.tokenLimitField))).toEqual(new Set(["max_tokens"]));
    fake.reset();
    await collectEvents(provider("max_completion_tokens"), request({ durationWeeks: 2 }));
    expect(new Set(fake.requests.map((r) => r.tokenLimitField))).toEqual(
      new Set(["max_completion_tokens"]),
    );
  });
});
