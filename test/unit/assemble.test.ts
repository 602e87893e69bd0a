import { describe, expect, it } from "vitest";
import { assembleLearningPath, type PathParts } from "@/lib/learning-path/assemble";
import { request } from "../support/collect";

const rambling = `${"A very thorough and complete journey ".repeat(8)}🦀 end`;

function parts(title: string, milestoneTitle: string): PathParts {
  return {
    request: request({ durationWeeks: 2, hoursPerWeek: 4 }),
    curriculum: {
      title,
      summary: "Two weeks of Python.",
      prerequisites: [],
      milestones: [
        {
          title: milestoneTitle,
          description: "d",
          weekStart: 1,
          weekEnd: 1,
          estimatedHours: 4,
          skillsGained: [],
        },
        {
          title: "Practice",
          description: "d",
          weekStart: 2,
          weekEnd: 2,
          estimatedHours: 4,
          skillsGained: [],
        },
      ],
    },
    resources: [[], []],
    fallbackResources: () => [
      {
        type: "documentation",
        title: "Docs",
        url: "https://docs.python.org/3/",
        description: "",
        free: true,
      },
    ],
    insights: {
      relatedRoles: [],
      skillsInDemand: [],
      salaryRange: "",
      salaryRegion: "",
      salaryCaveat: "",
      outlook: "",
      nextSteps: [],
    },
    generatedBy: { provider: "openai", model: "fake-model" },
  };
}

describe("assembleLearningPath", () => {
  it("cuts a model's over-long path and milestone titles instead of failing the path", () => {
    expect(rambling.length).toBeGreaterThan(200);
    const result = assembleLearningPath(parts(rambling, rambling));
    if (!("path" in result)) throw new Error(result.problems);
    for (const title of [result.path.title, result.path.milestones[0]?.title ?? ""]) {
      expect(title.length).toBeLessThanOrEqual(200);
      expect(title.endsWith("…")).toBe(true);
      expect(rambling.startsWith(title.slice(0, -1))).toBe(true);
    }
  });
});

describe("resources across milestones", () => {
  const docs = {
    type: "documentation",
    title: "Docs",
    url: "https://docs.python.org/3/",
    description: "",
    free: true,
  };
  const book = {
    type: "book",
    title: "Book",
    url: "https://example.org/book",
    description: "",
    free: true,
  };

  it("drops a link an earlier milestone already shows and falls back to new ones", () => {
    const repeating = { ...parts("Python", "Basics"), resources: [[docs], [docs]] };
    repeating.fallbackResources = () => [book];
    const result = assembleLearningPath(repeating);
    if (!("path" in result)) throw new Error(result.problems);
    expect(result.path.milestones.map((m) => m.resources.map((r) => r.url))).toEqual([
      [docs.url],
      [book.url],
    ]);
  });

  it("keeps a repeat rather than leave a milestone without any resource", () => {
    const result = assembleLearningPath({
      ...parts("Python", "Basics"),
      resources: [[docs], [docs]],
    });
    if (!("path" in result)) throw new Error(result.problems);
    expect(result.path.milestones[1]?.resources.map((r) => r.url)).toEqual([docs.url]);
  });
});
