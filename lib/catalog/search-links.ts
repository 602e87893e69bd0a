import type { Resource } from "@/lib/learning-path/path-schema";
import type { LearningStyle } from "@/lib/learning-path/request-schema";
import { topicForTitle } from "./skills";

// Search links, labelled as searches: what a milestone gets when the catalog has no
// hand-picked material left for it (or none at all, for a topic outside the catalog).
// Each search is about the milestone's own subject, on a well-known site that has
// results for almost anything, and says plainly that the learner still has to choose.

/** What a milestone is about: a short label for titles and the words to search for. */
export type SearchSubject = { label: string; query: string };

export type SearchKind = "video" | "podcast" | "book" | "article" | "project";

const SEARCHES: Record<SearchKind, (q: string, label: string) => Resource> = {
  video: (q, label) => ({
    type: "video",
    title: `YouTube search: ${label}`,
    url: `https://www.youtube.com/results?search_query=${q}`,
    description: "Search results, not a picked video: choose a well-reviewed walkthrough.",
    free: true,
  }),
  podcast: (q, label) => ({
    type: "podcast",
    title: `Podcast search: ${label}`,
    url: `https://www.listennotes.com/search/?q=${q}`,
    description:
      "Search results across podcasts, not a picked episode: listen to a few and keep the best.",
    free: true,
  }),
  book: (q, label) => ({
    type: "book",
    title: `Open Library search: books on ${label}`,
    url: `https://openlibrary.org/search?q=${q}`,
    description: "Search results: books on the subject to borrow or preview, not a picked title.",
    free: true,
  }),
  article: (q, label) => ({
    type: "article",
    title: `Wikipedia search: ${label}`,
    url: `https://en.wikipedia.org/wiki/Special:Search?search=${q}`,
    description: "Search results: an overview and key terms, with references to follow.",
    free: true,
  }),
  project: (q, label) => ({
    type: "project",
    title: `Web search: exercises on ${label}`,
    url: `https://duckduckgo.com/?q=${q}%20exercises`,
    description: "Search results for exercises and small projects to do, not a picked set.",
    free: true,
  }),
};

/** The search that gives a learner of each style something to watch, hear, read or do. */
export const STYLE_SEARCH: Record<LearningStyle, SearchKind> = {
  visual: "video",
  auditory: "podcast",
  reading: "book",
  kinesthetic: "project",
};

/** A search of one kind about the subject. */
export function search(kind: SearchKind, subject: SearchSubject): Resource {
  return SEARCHES[kind](encodeURIComponent(subject.query), topicForTitle(subject.label));
}

/** A search that suits the learning style, about the subject. */
export const styleSearch = (style: LearningStyle, subject: SearchSubject): Resource =>
  search(STYLE_SEARCH[style], subject);

/** A neutral overview search, for a milestone that would otherwise have one link only. */
export const overviewSearch = (subject: SearchSubject): Resource => search("article", subject);

/** Whether a link is one of these searches (the quality checks want them labelled). */
export function isSearchLink(url: string): boolean {
  return /^https:\/\/(www\.youtube\.com\/results|www\.listennotes\.com\/search|openlibrary\.org\/search|en\.wikipedia\.org\/wiki\/Special:Search|duckduckgo\.com\/\?)/.test(
    url,
  );
}
