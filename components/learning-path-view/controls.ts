import type { ReactNode } from "react";

/** Optional per-item controls (the saved-path page's done checkboxes). */
export type LearningPathControls = {
  header?: ReactNode;
  milestone?: (index: number) => ReactNode;
  /** Actions under a milestone's resources (the saved-path page's Regenerate). */
  milestoneActions?: (index: number) => ReactNode;
  resource?: (milestone: number, resource: number) => ReactNode;
  week?: (week: number) => ReactNode;
  /** Drawn above the schedule table; the plain timeline when absent. */
  timeline?: ReactNode;
};
