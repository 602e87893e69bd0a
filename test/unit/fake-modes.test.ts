import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findPlanProblems } from "@/lib/learning-path/invariants";
import { milestoneCountFor } from "@/lib/learning-path/plan-math";
import { OpenAiProvider } from "@/lib/providers/openai/openai-provider";
import { FAKE_MODES } from "../fake-openai/modes";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { collectEvents, request } from "../support/collect";

// Every named misbehaviour of the fake model, through the real AI provider and pipeline:
// the path still comes out sound (weeks, hours, the plan's milestone count, http(s)
// links only). The quality corpus runs the same modes over many requests.

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe.each(FAKE_MODES)("the fake model's $name mode", (mode) => {
  it("still gives a sound path", async () => {
    fake.setScenario(mode.scenario);
    const provider = new OpenAiProvider({
      apiKey: "test",
      baseURL: fake.url,
      model: "fake-model",
      idleTimeoutMs: 1_000,
    });
    const events = await collectEvents(provider, request({ durationWeeks: 8, hoursPerWeek: 4 }));
    const last = events.at(-1);
    expect(last?.type).toBe(mode.recoverable ? "done" : "error");
    if (last?.type !== "done") return;
    expect(findPlanProblems(last.path.milestones, 8, 4)).toEqual([]);
    expect(last.path.milestones).toHaveLength(milestoneCountFor(8));
    const links = last.path.milestones.flatMap((m) => m.resources.map((r) => r.url));
    expect(links.every((url) => url.startsWith("https://"))).toBe(true);
  });
});

it("names each mode once", () => {
  const names = FAKE_MODES.map((mode) => mode.name);
  expect(new Set(names).size).toBe(names.length);
});
