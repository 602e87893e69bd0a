// Text from a path (the model's, or a learner's rename) written into the Markdown export
// as text, never as markup: a title like `T<img src=x onerror=...>` or `[x](javascript:...)`
// must reach a Markdown viewer as those characters, and a line break in a title must not
// start a new block of the document.

/** Characters that mean markup anywhere in a line: backslash-escaped (CommonMark). */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~#!]/g;
/** What starts a block when it opens a line: a quote, a list item, a setext underline. */
const BLOCK_START = /^([>+\-=])|^(\d+)([.)])/;
const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** One line of text: every run of whitespace (line breaks too) becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, " ").trim();
}

/** `text` as one line of literal Markdown text: no HTML, no formatting, no links. */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char)
    .replace(MARKDOWN_PUNCTUATION, "\\$&")
    .replace(BLOCK_START, (_, marker, digits, dot) =>
      marker ? `\\${marker}` : `${digits}\\${dot}`,
    );
}

/**
 * A link `[title](<url>)` to an http(s) address, or just the title for any other. The
 * target is the URL parser's own writing of it, which percent-encodes spaces, `<` and
 * `>`, inside angle brackets so that parentheses cannot end it early.
 */
export function markdownLink(title: string, url: string): string {
  const target = URL.parse(url);
  if (!target || (target.protocol !== "https:" && target.protocol !== "http:")) {
    return markdownText(title);
  }
  return `[${markdownText(title)}](<${target.href.replace(/\\/g, "%5C")}>)`;
}
