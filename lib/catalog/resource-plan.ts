import type { Resource } from "@/lib/learning-path/path-schema";
import { splitInRuns } from "@/lib/learning-path/plan-math";
import type { LearningStyle } from "@/lib/learning-path/request-schema";
import { findCatalogSkill } from "./find-skill";
import { overviewSearch, type SearchSubject, styleSearch } from "./search-links";
import { type CatalogResource, GENERIC_MODULES, type ResourceStage } from "./skills";
import { styleRank, suitsStyle } from "./style-fit";

// Which resources each milestone shows. The catalog's hand-picked resources are spread
// over the path in syllabus order, each shown once; every milestone leads with
// something that suits the learning style, and where the catalog has nothing of that
// kind left, a search about the milestone's subject (labelled as a search) takes its place.

/** A short list a learner will actually open. */
const PER_MILESTONE = 3;
/** Fewer than this and a milestone gets an overview search as well. */
const MIN_PER_MILESTONE = 2;

const STAGE_ORDER: ResourceStage[] = ["start", "core", "deep"];

const toResource = ({ type, title, url, description, free }: CatalogResource): Resource => ({
  type,
  title,
  url,
  description,
  free,
});

/** The catalog's resources in the order a learner needs them (sort is stable). */
const inSyllabusOrder = (pool: CatalogResource[]) =>
  [...pool].sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));

/** Splits the resources over `count` milestones in syllabus order, each one used once. */
function spread(pool: CatalogResource[], count: number): CatalogResource[][] {
  const ordered = inSyllabusOrder(pool);
  if (ordered.length >= count) return splitInRuns(ordered, count);
  // Fewer resources than milestones: spaced out, so the gaps fall between them.
  const shares: CatalogResource[][] = Array.from({ length: count }, () => []);
  for (const [index, resource] of ordered.entries()) {
    shares[Math.floor((index * count) / ordered.length)]?.push(resource);
  }
  return shares;
}

/** One milestone's list: its share ranked for the style, led by something that suits it. */
function milestoneResources(
  share: CatalogResource[],
  style: LearningStyle,
  subject: SearchSubject,
): Resource[] {
  const ranked = [...share].sort((a, b) => styleRank(a, style) - styleRank(b, style));
  const suited = ranked.filter((resource) => suitsStyle(resource, style)).map(toResource);
  // Of the kinds that do not suit the style, one each, so a learner who learns by doing is
  // not handed two documentation pages; and only the best one beside suited material.
  const kinds = new Set<string>();
  const others = ranked
    .filter((resource) => !suitsStyle(resource, style))
    .filter((resource) => !kinds.has(resource.type) && Boolean(kinds.add(resource.type)))
    .map(toResource);
  const chosen =
    suited.length > 0
      ? [...suited, ...others.slice(0, 1)].slice(0, PER_MILESTONE)
      : [styleSearch(style, subject), ...others.slice(0, PER_MILESTONE - 1)];
  if (chosen.length < MIN_PER_MILESTONE) chosen.push(overviewSearch(subject));
  return chosen;
}

/**
 * Resources for every milestone of a path about `topic`, one subject per milestone.
 * No link appears in two milestones: the catalog's are shared out, searches are each
 * about their own milestone's subject.
 */
export function planPathResources(
  topic: string,
  style: LearningStyle,
  subjects: SearchSubject[],
): Resource[][] {
  const shares = spread(findCatalogSkill(topic)?.resources ?? [], subjects.length);
  return subjects.map((subject, index) => milestoneResources(shares[index] ?? [], style, subject));
}

/** Suited catalog resources, nearest first to where milestone `index` of `count` sits. */
function nearestSuited(
  pool: CatalogResource[],
  style: LearningStyle,
  index: number,
  count: number,
): CatalogResource[] {
  const ordered = inSyllabusOrder(pool);
  const target = count <= 1 ? 0 : (index / (count - 1)) * (ordered.length - 1);
  return ordered
    .map((resource, at) => ({ resource, distance: Math.abs(at - target) }))
    .filter(({ resource }) => suitsStyle(resource, style))
    .sort((a, b) => a.distance - b.distance)
    .map(({ resource }) => resource);
}

/**
 * Resources for milestone `index` of `count` that a provider left without usable links.
 * It does not know the other milestones' links, so suited catalog resources may appear
 * twice in such a path; that beats a search when the catalog has real material.
 */
export function pickResources(
  topic: string,
  style: LearningStyle,
  index: number,
  count: number,
): Resource[] {
  const skill = findCatalogSkill(topic);
  const pool = skill?.resources ?? [];
  const share = spread(pool, count)[index] ?? [];
  const suited = share.filter((resource) => suitsStyle(resource, style)).length;
  const borrowed = nearestSuited(
    pool.filter((resource) => !share.includes(resource)),
    style,
    index,
    count,
  ).slice(0, Math.max(0, MIN_PER_MILESTONE - suited));
  return milestoneResources(
    [...borrowed, ...share],
    style,
    subjectAt(skill?.name ?? topic, index, count),
  );
}

/**
 * What a fallback milestone's searches are about. The provider's milestone titles are not
 * known here, so the position in the path stands in for the subject (an introduction
 * first, advanced material late), which also keeps the searches of two such milestones
 * from being the same link.
 */
function subjectAt(name: string, index: number, count: number): SearchSubject {
  const phrases = [
    ...GENERIC_MODULES.map((module) => module.search ?? module.title),
    "project ideas",
  ];
  const phrase = phrases[Math.floor((index * phrases.length) / Math.max(1, count))] ?? "";
  return { label: `${name} – ${phrase}`, query: `${name} ${phrase}` };
}
