import { describe, expect, it } from "vitest";
import {
  applyProgressChange,
  changeFitsPath,
  completionPercent,
  NO_PROGRESS,
  type ProgressChange,
  resourcesChanged,
} from "@/lib/learning-path/progress";
import { twoMilestonePath } from "../support/two-milestone-path";

const path = twoMilestonePath;

const apply = (...changes: ProgressChange[]) =>
  changes.reduce((progress, change) => applyProgressChange(path, progress, change), NO_PROGRESS);

describe("completion weighted by hours", () => {
  it("weighs a milestone by its hours, not as one checkbox", () => {
    expect(completionPercent(path, NO_PROGRESS)).toBe(0);
    expect(completionPercent(path, apply({ kind: "milestone", milestone: 0, done: true }))).toBe(
      25,
    );
    expect(completionPercent(path, apply({ kind: "milestone", milestone: 1, done: true }))).toBe(
      75,
    );
  });

  it("counts resources within their milestone", () => {
    const oneOfTwo = apply({ kind: "resource", milestone: 0, resource: 0, done: true });
    expect(completionPercent(path, oneOfTwo)).toBe(12); // half of 10 h of 40 h
  });

  it("counts ticked weeks by their hours within their milestone", () => {
    const week3 = apply({ kind: "week", week: 3, done: true }); // 15 of 30 h
    expect(completionPercent(path, week3)).toBe(37);
  });

  it("reaches 100 only when everything is done", () => {
    const all = apply(
      { kind: "milestone", milestone: 0, done: true },
      { kind: "milestone", milestone: 1, done: true },
    );
    expect(completionPercent(path, all)).toBe(100);
  });
});

describe("ticking a milestone", () => {
  it("ticks its resources and says how many", () => {
    const before = apply({ kind: "resource", milestone: 0, resource: 1, done: true });
    const after = applyProgressChange(path, before, {
      kind: "milestone",
      milestone: 0,
      done: true,
    });
    expect(after.resources.sort()).toEqual(["0:0", "0:1"]);
    expect(resourcesChanged(before, after)).toBe(1);
  });

  it("unticking it unticks only the resources it ticked, not the learner's own", () => {
    const progress = apply(
      { kind: "resource", milestone: 0, resource: 1, done: true },
      { kind: "milestone", milestone: 0, done: true },
      { kind: "milestone", milestone: 0, done: false },
    );
    expect(progress.milestones).toEqual([]);
    expect(progress.resources).toEqual(["0:1"]);
  });

  it("a resource the learner touches after a milestone tick stays theirs", () => {
    const progress = apply(
      { kind: "milestone", milestone: 0, done: true },
      { kind: "resource", milestone: 0, resource: 0, done: false },
      { kind: "resource", milestone: 0, resource: 0, done: true },
      { kind: "milestone", milestone: 0, done: false },
    );
    expect(progress.resources).toEqual(["0:0"]);
  });
});

describe("progress changes", () => {
  it("ticks are idempotent and unticking removes them", () => {
    const twice = apply(
      { kind: "week", week: 2, done: true },
      { kind: "week", week: 2, done: true },
    );
    expect(twice.weeks).toEqual([2]);
    expect(applyProgressChange(path, twice, { kind: "week", week: 2, done: false }).weeks).toEqual(
      [],
    );
  });

  it("rejects items that are not in the path", () => {
    expect(changeFitsPath(path, { kind: "milestone", milestone: 2, done: true })).toBe(false);
    expect(changeFitsPath(path, { kind: "resource", milestone: 1, resource: 1, done: true })).toBe(
      false,
    );
    expect(changeFitsPath(path, { kind: "week", week: 5, done: true })).toBe(false);
    expect(changeFitsPath(path, { kind: "week", week: 4, done: true })).toBe(true);
    expect(
      completionPercent(path, { ...NO_PROGRESS, milestones: [7], resources: ["9:9"], weeks: [9] }),
    ).toBe(0);
  });
});
