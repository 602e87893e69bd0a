// The catalog's public surface (./skills.ts holds the data): which skill a free-text
// topic is about, and which resources suit a milestone and a learning style. The offline
// engine builds whole paths from it; every provider falls back on it for a milestone
// left without usable links.

export { findCatalogSkill } from "./find-skill";
export { pickResources, planPathResources } from "./resource-plan";
export {
  isSearchLink,
  type SearchKind,
  type SearchSubject,
  STYLE_SEARCH,
  search,
} from "./search-links";
export { STYLE_ORDER, suitsStyle } from "./style-fit";
