import type { LearningPath, Milestone } from "./path-schema";

// What changed between two versions of a saved path, milestone by milestone, in words a
// learner reads in the version history ("Weeks 3-4" -> "Weeks 3-5").

export type PathChange = {
  /** The milestone's position (0-based), in the newer version where it exists. */
  milestone: number;
  /** What about it changed. */
  field: "milestone" | "title" | "weeks" | "hours" | "resources";
  /** Absent for a milestone that was added. */
  before?: string;
  /** Absent for a milestone that was removed. */
  after?: string;
};

const weeksText = (m: Milestone) =>
  m.weekStart === m.weekEnd ? `Week ${m.weekStart}` : `Weeks ${m.weekStart}-${m.weekEnd}`;
const hoursText = (m: Milestone) => `${m.estimatedHours} h`;
const resourcesText = (m: Milestone) => m.resources.map((resource) => resource.title).join("; ");

function milestoneChanges(index: number, was: Milestone, is: Milestone): PathChange[] {
  const fields: [PathChange["field"], (m: Milestone) => string][] = [
    ["title", (m) => m.title],
    ["weeks", weeksText],
    ["hours", hoursText],
    ["resources", resourcesText],
  ];
  return fields.flatMap(([field, text]) =>
    text(was) === text(is) ? [] : [{ milestone: index, field, before: text(was), after: text(is) }],
  );
}

/** Every difference between `before` and `after`, in milestone order. */
export function pathChanges(before: LearningPath, after: LearningPath): PathChange[] {
  const count = Math.max(before.milestones.length, after.milestones.length);
  const changes: PathChange[] = [];
  for (let index = 0; index < count; index++) {
    const was = before.milestones[index];
    const is = after.milestones[index];
    if (was && is) changes.push(...milestoneChanges(index, was, is));
    else if (is) changes.push({ milestone: index, field: "milestone", after: is.title });
    else if (was) changes.push({ milestone: index, field: "milestone", before: was.title });
  }
  return changes;
}
