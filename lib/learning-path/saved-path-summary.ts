// A saved path as the dashboard lists it. Apart from lib/db so the browser's components
// can use the shape without reaching into server-only data access.

export type SavedPathSummary = {
  id: string;
  title: string;
  topic: string;
  level: string;
  archived: boolean;
  createdAt: Date;
  /** Percent of milestones and resources ticked off (lib/learning-path/progress.ts). */
  completion: number;
};

/** The same summary handed to a client component: props cross as JSON, so dates are ISO text. */
export type SavedPathListing = Omit<SavedPathSummary, "createdAt"> & { createdAt: string };
