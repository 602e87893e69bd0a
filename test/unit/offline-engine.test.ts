import { describe, expect, it } from "vitest";
import { findCatalogSkill, pickResources } from "@/lib/catalog";
import { SKILL_CATALOG } from "@/lib/catalog/skills";
import { findPlanProblems } from "@/lib/learning-path/invariants";
import { learningPathSchema } from "@/lib/learning-path/path-schema";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import type { DoneEvent } from "@/lib/sse/events";
import { collectEvents, request } from "../support/collect";

async function offlinePath(input: LearningPathRequest) {
  const events = await collectEvents(new OfflineProvider(), input);
  const done = events.at(-1) as DoneEvent;
  expect(done.type).toBe("done");
  return done.path;
}

describe("offline curriculum engine", () => {
  it("ships at least 30 popular skills in categories, each with real http(s) resources", () => {
    expect(SKILL_CATALOG.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SKILL_CATALOG.map((s) => s.category)).size).toBeGreaterThanOrEqual(6);
    for (const skill of SKILL_CATALOG) {
      expect(skill.modules.length).toBeGreaterThanOrEqual(5);
      expect(skill.resources.length).toBeGreaterThanOrEqual(2);
      for (const resource of skill.resources) expect(resource.url).toMatch(/^https:\/\//);
    }
  });

  it.each([
    ["Learn React hooks", "react"],
    ["javascript for beginners", "javascript"],
    ["Java", "java"],
    ["k8s", "kubernetes"],
    ["C++ game programming", "cpp"],
    ["Español", "spanish"],
  ])("matches %s to the %s syllabus", (topic, id) => {
    expect(findCatalogSkill(topic)?.id).toBe(id);
  });

  it.each([
    ["Python", "beginner", 8, 4],
    ["Machine Learning", "advanced", 12, 8],
    ["Kubernetes", "expert", 3, 12],
    ["Underwater basket weaving", "intermediate", 20, 2],
    ["Spanish", "beginner", 52, 40],
    ["Docker", "beginner", 1, 1],
  ] as const)(
    "builds a valid path for %s (%s, %i weeks x %i h)",
    async (topic, level, durationWeeks, hoursPerWeek) => {
      const path = await offlinePath(request({ topic, level, durationWeeks, hoursPerWeek }));
      expect(learningPathSchema.safeParse(path).success).toBe(true);
      expect(findPlanProblems(path.milestones, durationWeeks, hoursPerWeek)).toEqual([]);
      expect(path.totalHours).toBe(durationWeeks * hoursPerWeek);
      expect(path.schedule.map((w) => w.week)).toEqual(
        Array.from({ length: durationWeeks }, (_, i) => i + 1),
      );
      for (const milestone of path.milestones) {
        expect(milestone.resources.length).toBeGreaterThanOrEqual(2);
        expect(milestone.resources.length).toBeLessThanOrEqual(4);
      }
      expect(path.generatedBy.provider).toBe("offline");
    },
  );

  it("starts later in the syllabus for higher levels", async () => {
    const beginner = await offlinePath(request({ topic: "Rust", level: "beginner" }));
    const advanced = await offlinePath(request({ topic: "Rust", level: "advanced" }));
    expect(beginner.milestones[0]?.title).toContain("Getting started with Cargo");
    expect(advanced.milestones[0]?.title).not.toContain("Getting started");
  });

  it("orders resources by learning style", () => {
    const visual = pickResources("Python", "visual", 0, 4).map((r) => r.type);
    const reading = pickResources("Python", "reading", 0, 4).map((r) => r.type);
    const kinesthetic = pickResources("Python", "kinesthetic", 2, 4).map((r) => r.type);
    expect(reading[0]).toBe("documentation");
    expect(kinesthetic[0]).toBe("interactive");
    expect(visual).not.toEqual(reading);
  });

  it("shapes milestone descriptions by learning style and places each goal in one milestone", async () => {
    const path = await offlinePath(
      request({ topic: "SQL", learningStyle: "kinesthetic", goals: ["Analyse sales data"] }),
    );
    expect(path.milestones[0]?.description).toMatch(/Learn by doing/);
    const serving = path.milestones.filter((m) => m.description.includes("Analyse sales data"));
    expect(serving).toHaveLength(1);
    expect(path.summary).toContain("Analyse sales data");
  });

  it("gives unknown topics a generic structure with search links for that topic", async () => {
    const path = await offlinePath(request({ topic: "Beekeeping" }));
    expect(path.milestones[0]?.title).toBe("Orientation and vocabulary");
    expect(
      path.milestones.flatMap((m) => m.resources).some((r) => r.url.includes("Beekeeping")),
    ).toBe(true);
  });
});
