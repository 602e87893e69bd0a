import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GenerationLogger } from "@/lib/generation/logger";
import { findPlanProblems } from "@/lib/learning-path/invariants";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { OpenAiProvider } from "@/lib/providers/openai/openai-provider";
import type { GenerationEvent } from "@/lib/sse/events";
import { fakeMode } from "../fake-openai/modes";
import { type FakeOpenAi, type RecordedRequest, startFakeOpenAi } from "../fake-openai/server";
import { collectEvents, request } from "../support/collect";

// How the AI provider and the pipeline recover answers a real model gets wrong: cut off
// at the token limit, too few or too many milestones, none, wrong hours. Recovery asks
// only for what is missing and never sends the earlier answer back; every step is one
// log line with its reason and tokens.

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

type Line = { event: string; fields: Record<string, unknown> };

async function generate(input: Partial<LearningPathRequest> = {}) {
  const lines: Line[] = [];
  const provider = new OpenAiProvider({
    apiKey: "test",
    baseURL: fake.url,
    model: "fake-model",
    idleTimeoutMs: 5_000,
    log: (event, fields) => lines.push({ event, fields }),
  });
  const logger: GenerationLogger = {
    requestId: "test",
    info: (event, fields = {}) => lines.push({ event, fields }),
    error: (event, fields = {}) => lines.push({ event, fields }),
  };
  const events = await collectEvents(
    provider,
    request({ durationWeeks: 8, ...input }),
    undefined,
    undefined,
    logger,
  );
  return { events, lines, last: events.at(-1) };
}

const calls = (kind: RecordedRequest["kind"]) => fake.requests.filter((r) => r.kind === kind);

/** The milestone frames' indexes, in the order they were sent. */
const shownMilestones = (events: GenerationEvent[]) =>
  events.flatMap((e) => (e.type === "progress" && e.milestone ? [e.milestone.index] : []));

const progress = (events: GenerationEvent[]) => events.map((e) => e.progress);

/** The JSON a prompt carries in `<tag>`. */
const block = (message: string, tag: string) =>
  JSON.parse(new RegExp(`<${tag}>(.*?)</${tag}>`, "s").exec(message)?.[1] ?? "null");

describe("an answer cut off at the token limit", () => {
  it("keeps the milestones already shown and asks only for the rest, without the answer", async () => {
    fake.setScenario({ cutOff: { kind: "curriculum", fraction: 0.6, times: 1 } });
    const { events, lines, last } = await generate({ durationWeeks: 16 });
    expect(last?.type).toBe("done");
    const [first, rest] = calls("curriculum");
    expect(first?.finishReason).toBe("length");
    const missing = block(rest?.userMessage ?? "", "missing");
    expect(missing.first).toBeGreaterThan(1);
    expect(missing.first + missing.count - 1).toBe(8);
    // Every milestone shown once, in order, and the bar never went back.
    expect(shownMilestones(events)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(progress(events)).toEqual([...progress(events)].sort((a, b) => a - b));
    expect(rest?.maxTokens).toBeLessThan(first?.maxTokens ?? 0);
    expect(lines).toContainEqual({
      event: "answer continued",
      fields: expect.objectContaining({
        call: "curriculum",
        reason: expect.stringContaining("cut off"),
        itemsKept: missing.first - 1,
        maxTokens: rest?.maxTokens,
        completionTokens: expect.any(Number),
      }),
    });
  });

  it.each([0.5, 0.95])(
    "sends a follow-up no bigger than the first request plus the kept titles, however long the cut answer (cut at %d)",
    async (fraction) => {
      fake.setScenario({ cutOff: { kind: "curriculum", fraction, times: 1 } });
      // A long topic makes a long answer: it is in every milestone's title and description.
      const topic = `Statistics ${"and forecasting ".repeat(8)}`.trim();
      const { last } = await generate({ topic, durationWeeks: 16 });
      expect(last?.type).toBe("done");
      const [first, rest] = calls("curriculum");
      const kept = block(rest?.userMessage ?? "", "written") as { title: string }[];
      const keptTitles = kept.reduce((sum, m) => sum + m.title.length + 40, 0);
      expect(first?.contentChars).toBeGreaterThan(1_000);
      expect((rest?.promptChars ?? 0) - (first?.promptChars ?? 0)).toBeLessThan(keptTitles + 600);
      // Nothing of the answer but its titles: no description goes back.
      expect(rest?.userMessage).not.toContain("Fake model milestone");
      expect(rest?.lastUserMessage).not.toContain("Fake model milestone");
    },
  );

  it("asks for the resources of only the milestones still without them", async () => {
    fake.setScenario({ cutOff: { kind: "resources", fraction: 0.5, times: 1 } });
    const { events, last } = await generate();
    expect(last?.type).toBe("done");
    const [, rest] = calls("resources");
    const asked = block(rest?.userMessage ?? "", "milestones") as { number: number }[];
    expect(asked[0]?.number).toBeGreaterThan(1);
    expect(asked.at(-1)?.number).toBe(4);
    const shown = events.flatMap((e) =>
      e.type === "progress" && e.resources ? [e.resources.index] : [],
    );
    expect(shown).toEqual([0, 1, 2, 3]);
    // Every milestone has the model's own links (docs/N), none from the fallback.
    const path = last?.type === "done" ? last.path : undefined;
    expect(path?.milestones.map((m) => m.resources[0]?.url)).toEqual(
      [1, 2, 3, 4].map((n) => `https://example.org/docs/${n}`),
    );
  });

  it("asks for career insights again, shorter, with the reason and not the answer", async () => {
    fake.setScenario({ cutOff: { kind: "career_insights", times: 1 } });
    const { last, lines } = await generate();
    expect(last?.type).toBe("done");
    const [, again] = calls("career_insights");
    expect(block(again?.lastUserMessage ?? "", "problems")).toContain("cut off");
    expect(again?.lastUserMessage).not.toContain("Fake Engineer");
    expect(lines.map((l) => l.event)).toContain("answer continued");
  });

  it("ends with an honest error when the follow-up is cut off too, after two calls", async () => {
    fake.setScenario({ cutOff: { kind: "curriculum", fraction: 0.3 } });
    const { last } = await generate();
    expect(last).toMatchObject({ type: "error", code: "invalid_output", stage: "curriculum" });
    expect(calls("curriculum")).toHaveLength(2);
  });
});

describe("a curriculum with the wrong number of milestones", () => {
  it("too few: one request for the missing ones, each shown once as it arrives", async () => {
    fake.setScenario(fakeMode("too-few-milestones").scenario);
    const { events, lines, last } = await generate();
    expect(last?.type).toBe("done");
    const path = last?.type === "done" ? last.path : undefined;
    expect(path?.milestones.map((m) => m.title)).toEqual(
      [1, 2, 3, 4].map((n) => `Python stage ${n}`),
    );
    const [, rest] = calls("curriculum");
    expect(block(rest?.userMessage ?? "", "missing")).toEqual({ first: 2, count: 3 });
    expect(shownMilestones(events)).toEqual([0, 1, 2, 3]);
    expect(progress(events)).toEqual([...progress(events)].sort((a, b) => a - b));
    expect(lines).toContainEqual({
      event: "curriculum continued",
      fields: expect.objectContaining({ reason: "1 of 4 milestones", maxTokens: rest?.maxTokens }),
    });
  });

  it("none: one request for all of them", async () => {
    fake.setScenario(fakeMode("no-milestones").scenario);
    const { events, last } = await generate();
    expect(last?.type).toBe("done");
    expect(calls("curriculum")).toHaveLength(2);
    expect(shownMilestones(events)).toEqual([0, 1, 2, 3]);
  });

  it("none, even when asked again: an honest invalid_output error", async () => {
    fake.setScenario({ curriculum: { milestones: 0 } });
    const { last } = await generate();
    expect(last).toMatchObject({ type: "error", code: "invalid_output", stage: "curriculum" });
    expect(calls("curriculum")).toHaveLength(2);
  });

  it("still too few after the follow-up: the arithmetic repair spreads them over every week", async () => {
    fake.setScenario({ curriculum: { milestones: 1 } });
    const { last, lines } = await generate();
    expect(calls("curriculum")).toHaveLength(2);
    const path = last?.type === "done" ? last.path : undefined;
    expect(path?.milestones).toHaveLength(2);
    expect(findPlanProblems(path?.milestones ?? [], 8, 4)).toEqual([]);
    expect(lines.map((l) => l.event)).toContain("plan repaired");
  });

  it("too many: the plan's number kept, the extra ones never shown, no second request", async () => {
    fake.setScenario(fakeMode("too-many-milestones").scenario);
    const { events, lines, last } = await generate();
    const path = last?.type === "done" ? last.path : undefined;
    expect(path?.milestones).toHaveLength(4);
    expect(shownMilestones(events)).toEqual([0, 1, 2, 3]);
    expect(calls("curriculum")).toHaveLength(1);
    expect(lines).toContainEqual({
      event: "milestones dropped",
      fields: { reason: "6 milestones, 4 planned", kept: 4 },
    });
  });

  it("wrong hours: repaired arithmetically, no second request", async () => {
    fake.setScenario(fakeMode("wrong-hours").scenario);
    const { last } = await generate();
    const path = last?.type === "done" ? last.path : undefined;
    expect(findPlanProblems(path?.milestones ?? [], 8, 4)).toEqual([]);
    expect(calls("curriculum")).toHaveLength(1);
  });
});
