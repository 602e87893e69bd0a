import { beforeAll, describe, expect, it } from "vitest";
import { carryProgress } from "@/lib/learning-path/carry-progress";
import { pathChanges } from "@/lib/learning-path/path-changes";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { NO_PROGRESS } from "@/lib/learning-path/progress";
import { planReplan } from "@/lib/learning-path/replan";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request } from "../support/collect";

// The arithmetic behind adapting a saved path: which milestones a re-plan keeps, which
// ticks survive a change, and how a change reads in the version history.

let path: LearningPath; // 8 weeks, 4 milestones of 2 weeks, 5 h a week

beforeAll(async () => {
  const done = (await collectEvents(new OfflineProvider(), request({ durationWeeks: 8 }))).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  path = done.path;
});

const noDates = { startDate: null, today: "2026-11-30" };

describe("planReplan", () => {
  it("starts after the last finished milestone when no week or start date is given", () => {
    const progress = { ...NO_PROGRESS, milestones: [0, 1] };
    expect(planReplan(path, progress, { hoursPerWeek: 3 }, noDates)).toMatchObject({
      keptCount: 2,
      keptWeeks: path.milestones[1]?.weekEnd,
      durationWeeks: 8,
      hoursPerWeek: 3,
    });
  });

  it("starts at this week when the path has a start date", () => {
    // 2026-11-30 is in week 3 of a path started 2026-11-16: milestone 0 (weeks 1-2) stays.
    const context = { startDate: "2026-11-16", today: "2026-11-30" };
    expect(planReplan(path, NO_PROGRESS, { hoursPerWeek: 3 }, context)).toMatchObject({
      keptCount: 1,
    });
  });

  it("never plans a finished milestone again, even one after the week asked for", () => {
    const progress = { ...NO_PROGRESS, milestones: [2] };
    const plan = planReplan(path, progress, { fromWeek: 1, hoursPerWeek: 3 }, noDates);
    expect(plan).toMatchObject({ keptCount: 3 });
  });

  it("names the field when nothing is left to plan or the end date cannot be used", () => {
    const all = { ...NO_PROGRESS, milestones: [3] };
    expect(planReplan(path, all, { hoursPerWeek: 3 }, noDates)).toEqual({
      issues: [{ field: "fromWeek", message: expect.any(String) }],
    });
    expect(planReplan(path, NO_PROGRESS, { endDate: "2027-01-01" }, noDates)).toEqual({
      issues: [{ field: "endDate", message: "Set the path's start date first" }],
    });
    const started = { startDate: "2026-01-05", today: "2026-01-05" };
    expect(planReplan(path, NO_PROGRESS, { endDate: "2028-01-01" }, started)).toMatchObject({
      issues: [{ field: "endDate" }],
    });
  });
});

describe("carryProgress", () => {
  it("keeps ticks on what is unchanged and drops them where the content changed", () => {
    const progress = {
      milestones: [0, 1],
      resources: ["0:0", "1:0", "1:1"],
      weeks: [1, 3],
      resourcesFromMilestone: ["1:0"],
    };
    const changed = structuredClone(path);
    const target = changed.milestones[1];
    if (!target) throw new Error("no milestone");
    target.title = "Something else";
    target.resources = [{ ...target.resources[0], url: "https://example.org/new" } as never];
    changed.schedule = changed.schedule.map((row) =>
      row.week >= target.weekStart && row.week <= target.weekEnd
        ? { ...row, milestone: target.title }
        : row,
    );
    expect(carryProgress(path, changed, progress)).toEqual({
      milestones: [0],
      resources: ["0:0"],
      weeks: [1],
      resourcesFromMilestone: [],
    });
    expect(carryProgress(path, path, progress)).toEqual(progress);
  });
});

describe("pathChanges", () => {
  it("lists changed titles, weeks and hours, and added or removed milestones", () => {
    const after = structuredClone(path);
    const [first] = after.milestones;
    if (!first) throw new Error("no milestone");
    first.title = "New first";
    first.estimatedHours += 2;
    after.milestones = after.milestones.slice(0, 3);
    const changes = pathChanges(path, after);
    expect(changes).toContainEqual({
      milestone: 0,
      field: "title",
      before: path.milestones[0]?.title,
      after: "New first",
    });
    expect(changes).toContainEqual(expect.objectContaining({ milestone: 0, field: "hours" }));
    expect(changes).toContainEqual({
      milestone: 3,
      field: "milestone",
      before: path.milestones[3]?.title,
    });
    expect(pathChanges(path, path)).toEqual([]);
  });
});
