/** "Beginner" from "beginner": how a level or a learning style reads on the page. */
export const capitalise = (text: string) => `${text[0]?.toUpperCase()}${text.slice(1)}`;

/**
 * `text` cut to at most `max` characters, ending in an ellipsis when cut. Never halves
 * an emoji or other astral character (a lone surrogate is not valid text).
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, "");
  return `${cut.trimEnd()}…`;
}
