import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isSearchLink } from "@/lib/catalog";
import { SKILL_CATALOG } from "@/lib/catalog/skills";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { OpenAiProvider } from "@/lib/providers/openai/openai-provider";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { collectEvents, request } from "../support/collect";

// README, "Invariants": every link is http(s), and a milestone left without links gets
// catalog ones. The real SDK reads the fake model's resources answer, in which some
// milestones have only unusable links or none at all; the finished path must give those
// milestones the catalog's links and keep the model's good links everywhere else.

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const provider = () =>
  new OpenAiProvider({
    apiKey: "test",
    baseURL: fake.url,
    model: "fake-model",
    idleTimeoutMs: 5_000,
  });

async function generate(topic: string): Promise<LearningPath> {
  // 6 weeks: the fake model plans 3 milestones.
  const events = await collectEvents(provider(), request({ topic, durationWeeks: 6 }));
  const last = events.at(-1);
  if (last?.type !== "done") throw new Error(`no path: ${JSON.stringify(last)}`);
  return last.path;
}

const urls = (path: LearningPath, milestone: number) =>
  path.milestones[milestone]?.resources.map((resource) => resource.url) ?? [];

describe("a milestone the model left without valid links", () => {
  it("gets the catalog's links for a catalog skill; the others keep the model's", async () => {
    fake.setScenario({ linkless: { badLinks: [1], noLinks: [2] } });
    const path = await generate("Python");
    const catalog = new Set(
      SKILL_CATALOG.find((skill) => skill.id === "python")?.resources.map((r) => r.url),
    );
    expect(catalog.size).toBeGreaterThan(0);

    expect(path.milestones).toHaveLength(3);
    // The model's milestone 1 had one good link and one javascript: link.
    expect(urls(path, 0)).toEqual(["https://example.org/docs/1"]);
    for (const milestone of [1, 2]) {
      expect(urls(path, milestone).length).toBeGreaterThanOrEqual(2);
      for (const url of urls(path, milestone)) expect(catalog.has(url)).toBe(true);
    }
    // Nothing the model wrote for those two milestones survives.
    const titles = path.milestones.flatMap((m) => m.resources.map((r) => r.title));
    expect(titles.filter((title) => title.startsWith("Unusable link"))).toEqual([]);
    expect(path.generatedBy.provider).toBe("openai");
  });

  it("gets searches about the topic for a topic outside the catalog, one set per milestone", async () => {
    const topic = "Underwater basket weaving";
    fake.setScenario({ linkless: { badLinks: [0, 1, 2] } });
    const path = await generate(topic);
    const all = path.milestones.flatMap((_, index) => urls(path, index));
    expect(all.length).toBeGreaterThanOrEqual(path.milestones.length * 2);
    for (const url of all) {
      expect(isSearchLink(url)).toBe(true);
      expect([...new URL(url).searchParams.values()].join(" ")).toContain(topic);
    }
    // Each milestone searches for its own part of the topic, so no link repeats.
    expect(new Set(all).size).toBe(all.length);
  });
});
