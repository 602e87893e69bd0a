import { describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import {
  applyProgressChange,
  changeFitsPath,
  completionPercent,
} from "@/lib/learning-path/progress";

const path = {
  milestones: [{ resources: [{}, {}] }, { resources: [{}] }],
} as unknown as LearningPath;

describe("progress model", () => {
  it("counts every milestone and every resource as one item each", () => {
    const none = { milestones: [], resources: [] };
    expect(completionPercent(path, none)).toBe(0);
    const some = applyProgressChange(
      applyProgressChange(none, { kind: "milestone", milestone: 0, done: true }),
      {
        kind: "resource",
        milestone: 1,
        resource: 0,
        done: true,
      },
    );
    expect(completionPercent(path, some)).toBe(40);
  });

  it("ticks are idempotent and unticking removes them", () => {
    let progress = { milestones: [], resources: [] } as {
      milestones: number[];
      resources: string[];
    };
    progress = applyProgressChange(progress, { kind: "milestone", milestone: 1, done: true });
    progress = applyProgressChange(progress, { kind: "milestone", milestone: 1, done: true });
    expect(progress.milestones).toEqual([1]);
    progress = applyProgressChange(progress, { kind: "milestone", milestone: 1, done: false });
    expect(progress.milestones).toEqual([]);
  });

  it("ignores items that are not in the path", () => {
    expect(changeFitsPath(path, { kind: "milestone", milestone: 2, done: true })).toBe(false);
    expect(changeFitsPath(path, { kind: "resource", milestone: 1, resource: 1, done: true })).toBe(
      false,
    );
    expect(completionPercent(path, { milestones: [7], resources: ["9:9"] })).toBe(0);
  });
});
