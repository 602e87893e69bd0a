import type { ResourceType } from "@/lib/learning-path/path-schema";
import type { LearningStyle } from "@/lib/learning-path/request-schema";

// Which kinds of resource suit each learning style. The catalog, the offline engine, the
// fallback links and the quality corpus all judge "does this milestone suit the
// learner" by this one table.

/** Resource kinds in the order a learner of each style reaches for them. */
export const STYLE_ORDER: Record<LearningStyle, ResourceType[]> = {
  visual: [
    "video",
    "interactive",
    "course",
    "documentation",
    "article",
    "project",
    "book",
    "podcast",
  ],
  auditory: [
    "podcast",
    "video",
    "course",
    "article",
    "documentation",
    "interactive",
    "book",
    "project",
  ],
  reading: [
    "documentation",
    "book",
    "article",
    "course",
    "interactive",
    "video",
    "project",
    "podcast",
  ],
  kinesthetic: [
    "interactive",
    "project",
    "course",
    "documentation",
    "video",
    "article",
    "book",
    "podcast",
  ],
};

/** The kinds that serve a style on their own: something to watch, hear, read or do. */
const SUITED: Record<LearningStyle, ResourceType[]> = {
  visual: ["video"],
  auditory: ["podcast"],
  reading: ["documentation", "book", "article"],
  kinesthetic: ["interactive", "project"],
};

/** What is known of a resource, in the catalog or in a finished path. */
export type StyleFitFacts = { type: ResourceType; description: string };

/**
 * Recorded lectures and talks can be followed by ear, so they serve auditory learners as
 * well as podcasts do. Read from the description, so a finished path is judged the same
 * way as the catalog.
 */
const isLecture = ({ type, description }: StyleFitFacts) =>
  (type === "video" || type === "course") && /\b(lectures?|talks?)\b/i.test(description);

/** Whether a resource on its own serves a learner of this style. */
export function suitsStyle(resource: StyleFitFacts, style: LearningStyle): boolean {
  if (style === "auditory" && isLecture(resource)) return true;
  return SUITED[style].includes(resource.type);
}

/** Rank of a resource for a style: lower comes first, and every suited one before the rest. */
export function styleRank(resource: StyleFitFacts, style: LearningStyle): number {
  const rank = STYLE_ORDER[style].indexOf(resource.type);
  return suitsStyle(resource, style) ? rank - STYLE_ORDER[style].length : rank;
}
