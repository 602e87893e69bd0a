import { type CatalogSkill, SKILL_CATALOG } from "./skills";

// Which catalog skill a learner's free-text topic is about.

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
