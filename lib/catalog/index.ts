import type { Resource, ResourceType } from "@/lib/learning-path/path-schema";
import type { LearningStyle } from "@/lib/learning-path/request-schema";

import {
  type CatalogResource,
  type CatalogSkill,
  genericResources,
  type ResourceStage,
  SKILL_CATALOG,
} from "./skills";

// Reading the catalog (./skills.ts holds the data): which skill a free-text topic is
// about, and which of its resources suit a milestone and a learning style. The offline
// engine builds whole paths from it; every provider falls back on it for a milestone
// left without usable links.

const STYLE_ORDER: Record<LearningStyle, ResourceType[]> = {
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

const STAGE_ORDER: ResourceStage[] = ["start", "core", "deep"];
/** How much a resource being one stage away costs against the learning style's ranking. */
const STAGE_WEIGHT = 3;

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The catalog skill a free-text topic is about, preferring the longest matching name. */
export function findCatalogSkill(topic: string): CatalogSkill | undefined {
  const wanted = normalise(topic);
  let best: { skill: CatalogSkill; length: number } | undefined;
  for (const skill of SKILL_CATALOG) {
    for (const name of [skill.name, skill.id, ...skill.aliases]) {
      const candidate = normalise(name);
      const pattern = new RegExp(`(^|[^a-z0-9+#])${escapeRegExp(candidate)}($|[^a-z0-9+#])`);
      if (pattern.test(wanted) && (!best || candidate.length > best.length)) {
        best = { skill, length: candidate.length };
      }
    }
  }
  return best?.skill;
}

function stageFor(position: number): ResourceStage {
  if (position < 1 / 3) return "start";
  if (position < 2 / 3) return "core";
  return "deep";
}

/** 2-4 resources for a milestone, in the order the learning style prefers. */
export function pickResources(
  topic: string,
  style: LearningStyle,
  milestoneIndex: number,
  milestoneCount: number,
): Resource[] {
  const skill = findCatalogSkill(topic);
  const pool: CatalogResource[] = skill ? skill.resources : genericResources(topic);
  const position = milestoneCount <= 1 ? 0 : milestoneIndex / (milestoneCount - 1);
  const wantedStage = STAGE_ORDER.indexOf(stageFor(position));
  const styleRank = (type: ResourceType) => STYLE_ORDER[style].indexOf(type);
  const ranked = [...pool].sort(
    (a, b) =>
      Math.abs(STAGE_ORDER.indexOf(a.stage) - wantedStage) * STAGE_WEIGHT +
      styleRank(a.type) -
      (Math.abs(STAGE_ORDER.indexOf(b.stage) - wantedStage) * STAGE_WEIGHT + styleRank(b.type)),
  );
  return ranked.slice(0, 3).map(({ type, title, url, description, free }) => ({
    type,
    title,
    url,
    description,
    free,
  }));
}
