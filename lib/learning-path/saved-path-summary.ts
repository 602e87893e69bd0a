import type { WeekStanding } from "./this-week";

// A saved path as the dashboard lists it. Apart from lib/db so the browser's components
// can use the shape without reaching into server-only data access.

export type SavedPathSummary = {
  id: string;
  title: string;
  topic: string;
  level: string;
  archived: boolean;
  createdAt: Date;
  /** Percent complete, weighted by hours (lib/learning-path/progress.ts). */
  completion: number;
  /** This week and the pace, once the learner has a start date. */
  standing: WeekStanding | null;
};

/** The same summary handed to a client component: props cross as JSON, so dates are ISO text. */
export type SavedPathListing = Omit<SavedPathSummary, "createdAt"> & { createdAt: string };
