import { describe, expect, it } from "vitest";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { loadCorpus } from "../quality/corpus";
import { describeReport } from "../quality/report";
import { type CorpusReport, runCorpus } from "../quality/run-corpus";

// The offline engine on the quality corpus (test/quality/corpus.json). The engine is
// deterministic, so the targets docs/QUALITY.md states are held here exactly: every path
// passes every invariant, every topic's resources change with the learning style and
// suit it in every milestone, and no link is shown in two milestones.

const corpus = loadCorpus();
let report: CorpusReport;

describe("offline engine on the quality corpus", () => {
  it("is a corpus of at least 40 varied requests", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((r) => r.level)).size).toBe(4);
    expect(new Set(corpus.map((r) => r.learningStyle)).size).toBe(4);
    const weeks = corpus.map((r) => r.durationWeeks);
    const hours = corpus.map((r) => r.hoursPerWeek);
    expect([Math.min(...weeks), Math.max(...weeks)]).toEqual([1, 52]);
    expect([Math.min(...hours), Math.max(...hours)]).toEqual([1, 40]);
    expect(corpus.some((r) => /[^\p{Script=Latin}\p{P}\p{N}\s]/u.test(r.topic))).toBe(true);
  });

  it("builds a path passing every invariant for every request", async () => {
    report = await runCorpus({ name: "offline", create: () => new OfflineProvider() }, corpus);
    const failing = report.generations.filter((g) => g.problems.length > 0);
    expect(failing.map((g) => `${g.request.topic}: ${g.problems.join("; ")}`)).toEqual([]);
    console.log(describeReport(report).join("\n"));
  });

  it("changes every topic's resources with the learning style, suited in every milestone", () => {
    expect(report.styleMisses).toEqual([]);
    expect(report.unsuited).toBe(0);
  });

  it("shows each link in one milestone only, and as many milestones as planned", () => {
    expect(report.repeatedLinks).toBe(0);
    expect(report.onPlan).toBe(report.generations.length);
  });
});
