import { describe, expect, it } from "vitest";
import { NO_PROGRESS } from "@/lib/learning-path/progress";
import { startDateSchema } from "@/lib/learning-path/start-date";
import { weekStanding } from "@/lib/learning-path/this-week";
import { twoMilestonePath as path } from "../support/two-milestone-path";

// Fixed dates only: the path (10 h over weeks 1-2, 30 h over weeks 3-4) starts on a Monday.
const start = "2026-11-02";
const standing = (today: string, progress = NO_PROGRESS) =>
  weekStanding(path, progress, start, today);
const withWeeks = (...weeks: number[]) => ({ ...NO_PROGRESS, weeks });

describe("which week it is", () => {
  it("is week 1 on the start day and for its first seven days", () => {
    expect(standing("2026-11-02").week).toBe(1);
    expect(standing("2026-11-08").week).toBe(1);
    expect(standing("2026-11-09").week).toBe(2);
  });

  it("is week N+1 N weeks after the start, across a month's end", () => {
    expect(standing("2026-11-23").week).toBe(4);
    expect(standing("2026-12-01").week).toBe(5);
    expect(standing("2026-12-01").pastEnd).toBe(true);
  });

  it("names this week's milestones and plan", () => {
    const week3 = standing("2026-11-16");
    expect(week3.milestones).toEqual([1]);
    expect(week3.plan?.week).toBe(3);
  });
});

describe("ahead or behind, by hours ticked against hours planned", () => {
  it("is not started before the start date", () => {
    expect(standing("2026-11-01").status).toBe("not-started");
    expect(standing("2026-11-01").week).toBe(0);
  });

  it("is on track in week 1 with nothing done yet, and with exactly week 1 done", () => {
    expect(standing("2026-11-02").status).toBe("on-track");
    expect(standing("2026-11-02", withWeeks(1)).status).toBe("on-track");
  });

  it("is behind in week 2 with week 1 not done", () => {
    expect(standing("2026-11-09").status).toBe("behind");
    expect(standing("2026-11-09", withWeeks(1)).status).toBe("on-track");
  });

  it("is ahead with more done than planned up to the end of this week", () => {
    expect(standing("2026-11-02", withWeeks(1, 2)).status).toBe("ahead");
    expect(standing("2026-11-02", withWeeks(1, 2)).plannedHours).toBe(5);
  });

  it("is behind after the plan's end unless everything is done", () => {
    expect(standing("2027-01-04", withWeeks(1, 2, 3)).status).toBe("behind");
    expect(standing("2027-01-04", withWeeks(1, 2, 3, 4)).status).toBe("finished");
  });
});

describe("start date", () => {
  it("accepts real days from 1970 to 2100 only", () => {
    expect(startDateSchema.safeParse("2026-02-28").success).toBe(true);
    expect(startDateSchema.safeParse("2024-02-29").success).toBe(true);
    for (const bad of ["2026-02-30", "2026-13-01", "1969-12-31", "2101-01-01", "30/11/2026", ""]) {
      expect(startDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
