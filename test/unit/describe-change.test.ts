import { describe, expect, it } from "vitest";
import { describeChange } from "@/components/path-adaptation/describe-change";

describe("describeChange (the notice after a regenerate, re-plan or undo)", () => {
  it("numbers milestones from 1 for the learner, from the server's 0-based index", () => {
    expect(
      describeChange({ milestone: 1, field: "title", before: "Basics", after: "Projects" }),
    ).toBe("Milestone 2: Basics → Projects");
  });

  it("says a milestone's weeks moved, with both ranges", () => {
    expect(
      describeChange({ milestone: 2, field: "weeks", before: "Weeks 3-4", after: "Weeks 3-5" }),
    ).toBe("Milestone 3: Weeks 3-4 → Weeks 3-5");
  });

  it("says new resources without repeating every title", () => {
    expect(
      describeChange({ milestone: 0, field: "resources", before: "A; B; C", after: "D; E" }),
    ).toBe("Milestone 1: new resources");
  });

  it("names a milestone that was added or removed", () => {
    expect(describeChange({ milestone: 3, field: "milestone", after: "Capstone" })).toBe(
      "Milestone 4 added: Capstone",
    );
    expect(describeChange({ milestone: 3, field: "milestone", before: "Capstone" })).toBe(
      "Milestone 4 removed: Capstone",
    );
  });
});
