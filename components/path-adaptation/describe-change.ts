import type { MilestoneChange } from "@/lib/browser-api";

/** One line per thing a change did to a milestone: replaced, moved, added or removed. */
export function describeChange({ milestone, field, before, after }: MilestoneChange): string {
  const label = `Milestone ${milestone + 1}`;
  // The resource titles joined are too long to read twice; that they are new is enough.
  if (field === "resources") return `${label}: new resources`;
  if (before && after) return `${label}: ${before} → ${after}`;
  if (after) return `${label} added: ${after}`;
  if (before) return `${label} removed: ${before}`;
  return `${label} changed`;
}
