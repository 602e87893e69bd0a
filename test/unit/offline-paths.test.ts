import { describe, expect, it } from "vitest";
import { isSearchLink, pickResources, suitsStyle } from "@/lib/catalog";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request } from "../support/collect";

// Issue 12, read as a learner: offline paths keep the learner's words, let goals shape
// the plan, read as prose, and give every milestone its own resources that suit the
// learning style; the fallback links every provider uses suit the style too.

async function offlinePath(overrides: Partial<LearningPathRequest>) {
  const events = await collectEvents(new OfflineProvider(), request(overrides));
  const last = events.at(-1);
  if (last?.type !== "done") throw new Error(`no path: ${JSON.stringify(last)}`);
  return last.path;
}

describe("offline paths a learner would follow", () => {
  it("keeps the learner's own words in the title", async () => {
    const path = await offlinePath({ topic: "Python for data analysis", level: "intermediate" });
    expect(path.title).toBe("Python for data analysis: Intermediate learning path");
    expect(path.summary).toMatch(/^An intermediate 8-week path in Python for data analysis/);
  });

  it("makes a goal that names something to build the capstone, and places the others where they fit", async () => {
    const goals = ["Build a dashboard of bike trips", "Clean messy CSV files", "Get a job"];
    const path = await offlinePath({ topic: "Data analysis", durationWeeks: 12, goals });
    const last = path.milestones.at(-1);
    expect(last?.title).toBe("Capstone: Build a dashboard of bike trips");
    expect(last?.description).toContain("your own project: build a dashboard of bike trips");
    const serving = (goal: string) =>
      path.milestones.filter((m) => m.description.includes(`“${goal}”`)).map((m) => m.title);
    // "Clean" meets the milestone on cleaning data; "Get a job" fits none, so a later one.
    expect(serving("Clean messy CSV files")).toEqual([expect.stringMatching(/cleaning data/)]);
    expect(serving("Get a job")).toHaveLength(1);
    expect(path.summary).toContain("ends with your own project: build a dashboard");
    expect(path.summary).not.toContain("Clean messy CSV files; Get a job");
  });

  it("gives every milestone of a visual Rust path something to watch, never the same link twice", async () => {
    const path = await offlinePath({ topic: "Rust", learningStyle: "visual", durationWeeks: 16 });
    expect(path.milestones).toHaveLength(8);
    for (const milestone of path.milestones) {
      expect(milestone.resources.some((r) => r.type === "video")).toBe(true);
    }
    const urls = path.milestones.flatMap((m) => m.resources.map((r) => r.url));
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("gives a topic outside the catalog searches about each milestone's subject, labelled as searches", async () => {
    const path = await offlinePath({ topic: "Beekeeping", learningStyle: "auditory" });
    expect(path.summary).toContain("not in the offline catalog");
    const leads = path.milestones.map((m) => m.resources[0]);
    expect(leads.map((lead) => lead?.title)).toEqual([
      "Podcast search: Beekeeping – Orientation and vocabulary",
      "Podcast search: Beekeeping – Core concepts",
      "Podcast search: Beekeeping – Guided practice",
      "Podcast search: Beekeeping – project ideas",
    ]);
    for (const milestone of path.milestones) {
      for (const resource of milestone.resources) {
        expect(isSearchLink(resource.url)).toBe(true);
        expect(resource.title).toMatch(/search/i);
      }
    }
  });

  it("is deterministic: the same request gives the same path", async () => {
    const input = { topic: "Kubernetes", goals: ["Run a home-lab cluster", "Pass the CKA"] };
    const { generatedAt: _first, ...one } = await offlinePath(input);
    const { generatedAt: _second, ...two } = await offlinePath(input);
    expect(two).toEqual(one);
  });
});

describe("fallback links for a milestone a provider left without any", () => {
  it.each(["visual", "auditory", "reading", "kinesthetic"] as const)(
    "lead with something that suits the %s style, in and outside the catalog",
    (style) => {
      for (const topic of ["Rust", "Beekeeping"]) {
        for (const index of [0, 3, 7]) {
          const [lead] = pickResources(topic, style, index, 8);
          expect(lead && suitsStyle(lead, style), `${topic} #${index}`).toBe(true);
        }
      }
    },
  );
});
