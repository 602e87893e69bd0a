import { oneLine } from "./markdown-text";

// Text of a path drawn into a picture (the Open Graph image of a shared link). next/og
// draws with the one font it bundles (Geist Regular) and, for any character that font
// lacks, downloads another font or an emoji picture from the internet at render time.
// The app never fetches from the network on a visitor's behalf, so text is cut down to
// what the bundled font draws: Latin (with Vietnamese), basic Cyrillic and common
// punctuation, as read from the font's character map. Anything else is left out.

const NOT_IN_BUNDLED_FONT =
  /[^\u0020-\u007e\u00a0-\u00ac\u00ae-\u0113\u0116-\u012b\u012e-\u0137\u0139-\u013e\u0141-\u0148\u014a-\u014d\u0150-\u017e\u0400-\u045f\u1ea0-\u1ef9\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026]+/gu;

/**
 * `text` on one line, in characters the bundled font draws, at most `maxLength` long (cut
 * at a word where one is near, with an ellipsis). Empty when nothing drawable is left.
 */
export function imageText(text: string, maxLength: number): string {
  const drawable = oneLine(text.normalize("NFC"))
    .replace(NOT_IN_BUNDLED_FONT, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (drawable.length <= maxLength) return drawable;
  const cut = drawable.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  // A word boundary in the last fifth keeps whole words; otherwise cut mid-word.
  const end = space > maxLength * 0.8 ? space : cut.length;
  return `${cut.slice(0, end).trimEnd()}…`;
}
