import { beforeAll, describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { prefillFromQuery, prefillQuery } from "@/lib/learning-path/prefill";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request } from "../support/collect";

// "Make my own path like this": a shared path's answers travel in a home-page link, and
// the home page takes back only what the request schema accepts, field by field.

let path: LearningPath;
beforeAll(async () => {
  const done = (
    await collectEvents(
      new OfflineProvider(),
      request({
        topic: "Rust & WebAssembly",
        level: "advanced",
        learningStyle: "kinesthetic",
        durationWeeks: 6,
        hoursPerWeek: 8,
        goals: ["Ship a CLI", "Read async code?"],
      }),
    )
  ).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  path = done.path;
});

const asPageQuery = (query: string) => {
  const params = new URLSearchParams(query);
  const result: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    result[name] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return result;
};

describe("prefill links", () => {
  it("carries every answer of a path to the form and back unchanged", () => {
    expect(prefillFromQuery(asPageQuery(prefillQuery(path)))).toEqual({
      topic: "Rust & WebAssembly",
      level: "advanced",
      learningStyle: "kinesthetic",
      durationWeeks: 6,
      hoursPerWeek: 8,
      goals: ["Ship a CLI", "Read async code?"],
    });
  });

  it("drops each bad value on its own and keeps the good ones", () => {
    expect(
      prefillFromQuery({
        topic: "x",
        level: "wizard",
        learningStyle: "reading",
        durationWeeks: "500",
        hoursPerWeek: "abc",
        goal: ["Good goal", "", "bad\u0000goal", "y".repeat(500)],
      }),
    ).toEqual({ learningStyle: "reading", goals: ["Good goal"] });
  });

  it("never throws, whatever the query holds", () => {
    const odd = [
      {},
      { topic: ["Go", "Rust"] },
      { topic: "\ud800" },
      { durationWeeks: ["4", "x"] },
      { goal: Array.from({ length: 50 }, (_, index) => `Goal ${index}`) },
      { hoursPerWeek: "-3", level: "" },
      { __proto__: "x", constructor: "y" } as Record<string, string>,
    ];
    for (const query of odd) expect(() => prefillFromQuery(query)).not.toThrow();
    expect(prefillFromQuery({ topic: ["Go", "Rust"] })).toEqual({ topic: "Go" });
    expect(prefillFromQuery({ goal: odd[4]?.goal }).goals).toHaveLength(10);
  });

  it("shows hours the form has no preset for as the nearest preset", () => {
    expect(prefillFromQuery({ hoursPerWeek: "5" }).hoursPerWeek).toBe(4);
    expect(prefillFromQuery({ hoursPerWeek: "40" }).hoursPerWeek).toBe(12);
    expect(prefillFromQuery({ hoursPerWeek: "1" }).hoursPerWeek).toBe(2);
  });
});
