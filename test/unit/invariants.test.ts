import { describe, expect, it } from "vitest";
import { findPlanProblems, repairPlan } from "@/lib/learning-path/invariants";
import { apportion, milestoneCountFor, weekRangesFor } from "@/lib/learning-path/plan-math";
import { buildSchedule } from "@/lib/learning-path/schedule";

const plan = (ranges: [number, number, number][]) =>
  ranges.map(([weekStart, weekEnd, estimatedHours], i) => ({
    title: `M${i + 1}`,
    weekStart,
    weekEnd,
    estimatedHours,
  }));

describe("plan arithmetic", () => {
  it("apportions integers that add up exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 0], 1)).toEqual([4, 3]);
    expect(apportion(100, [3, 1]).reduce((a, b) => a + b)).toBe(100);
  });

  it("makes week ranges that cover 1..N exactly once", () => {
    expect(weekRangesFor(5, [1, 1, 1])).toEqual([
      { weekStart: 1, weekEnd: 2 },
      { weekStart: 3, weekEnd: 4 },
      { weekStart: 5, weekEnd: 5 },
    ]);
  });

  it("chooses 1-8 milestones, never more than weeks", () => {
    for (let weeks = 1; weeks <= 52; weeks++) {
      const count = milestoneCountFor(weeks);
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(Math.min(8, weeks));
    }
  });
});

describe("path invariants", () => {
  it("accepts a sound plan", () => {
    expect(
      findPlanProblems(
        plan([
          [1, 2, 8],
          [3, 4, 8],
        ]),
        4,
        4,
      ),
    ).toEqual([]);
  });

  it("reports gaps, overlaps, short coverage and wrong hours, each by name", () => {
    // A gap: week 3 belongs to no milestone.
    expect(
      findPlanProblems(
        plan([
          [1, 2, 8],
          [4, 4, 8],
        ]),
        4,
        4,
      ),
    ).toEqual(["milestone 2 does not continue at week 3"]);
    // An overlap: week 2 and 3 belong to both.
    expect(
      findPlanProblems(
        plan([
          [1, 3, 8],
          [2, 4, 8],
        ]),
        4,
        4,
      ),
    ).toEqual(["milestone 2 does not continue at week 4"]);
    // A milestone whose weeks run backwards.
    expect(
      findPlanProblems(
        plan([
          [1, 2, 8],
          [4, 3, 8],
        ]),
        4,
        4,
      ),
    ).toEqual(["milestone 2 does not continue at week 3"]);
    // Short coverage, and (with only half the weeks) only half the hours.
    expect(findPlanProblems(plan([[1, 2, 8]]), 4, 4)).toEqual([
      "weeks end at 2, not at 4",
      "milestones add up to 8 h, expected about 16 h",
    ]);
    // Weeks right, hours far below weeks x hours per week.
    expect(
      findPlanProblems(
        plan([
          [1, 2, 1],
          [3, 4, 1],
        ]),
        4,
        4,
      ),
    ).toEqual(["milestones add up to 2 h, expected about 16 h"]);
    expect(findPlanProblems([], 4, 4)).toEqual(["the path has no milestones"]);
  });

  it("accepts hours within 10% of weeks x hours per week, and reports them just outside", () => {
    const twoMilestones = (first: number, second: number) =>
      plan([
        [1, 2, first],
        [3, 4, second],
      ]);
    expect(findPlanProblems(twoMilestones(9, 8), 4, 4)).toEqual([]);
    expect(findPlanProblems(twoMilestones(8, 7), 4, 4)).toEqual([]);
    expect(findPlanProblems(twoMilestones(10, 8), 4, 4)).toEqual([
      "milestones add up to 18 h, expected about 16 h",
    ]);
  });

  it("repairs broken weeks and hours while keeping titles and order", () => {
    const repaired = repairPlan(
      plan([
        [3, 9, 1],
        [1, 1, 1],
        [2, 2, 100],
      ]),
      6,
      5,
    );
    expect(repaired.map((m) => m.title)).toEqual(["M1", "M2", "M3"]);
    expect(findPlanProblems(repaired, 6, 5)).toEqual([]);
    expect(repaired.reduce((sum, m) => sum + m.estimatedHours, 0)).toBe(30);
  });

  it("keeps a model's hours when they are within tolerance", () => {
    const repaired = repairPlan(
      plan([
        [1, 2, 9],
        [3, 4, 8],
      ]),
      4,
      4,
    );
    expect(repaired.map((m) => m.estimatedHours)).toEqual([9, 8]);
  });

  it("drops milestones that cannot each have a week", () => {
    const repaired = repairPlan(
      plan([
        [1, 1, 2],
        [1, 1, 2],
        [1, 1, 2],
      ]),
      2,
      2,
    );
    expect(repaired).toHaveLength(2);
    expect(findPlanProblems(repaired, 2, 2)).toEqual([]);
  });

  it("builds a schedule with each week once and hours adding up", () => {
    const milestones = repairPlan(
      plan([
        [1, 3, 12],
        [4, 5, 8],
      ]),
      5,
      4,
    ).map((m) => ({
      ...m,
      description: "",
      skillsGained: ["a", "b", "c"],
      resources: [],
    }));
    const schedule = buildSchedule(milestones);
    expect(schedule.map((w) => w.week)).toEqual([1, 2, 3, 4, 5]);
    expect(schedule.reduce((sum, w) => sum + w.hours, 0)).toBe(20);
  });
});
