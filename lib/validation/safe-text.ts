import { z } from "zod/mini";

// What text the app accepts from anyone: every schema that takes a string from a user
// (the generation form, a rename, a guest's saved path, sign-up and sign-in) adds this
// check, so no such string reaches a model call or the database. PostgreSQL cannot store
// NUL in text at all ("invalid byte sequence for encoding UTF8: 0x00"), a lone surrogate
// half is not valid UTF-8 either, and other control characters have no business in a
// title or a goal: they break exports and logs line by line. Built on zod/mini so the
// form's browser bundle stays small; the check works in zod and zod/mini schemas alike.

/** Control characters (Unicode Cc) and unpaired surrogate halves (Cs): never allowed. */
const UNSAFE_IN_ONE_LINE = /[\p{Cc}\p{Cs}]/u;
/** The same, except line breaks and tabs, for text that may span several lines. */
const UNSAFE_IN_MULTI_LINE = /(?![\n\r\t])[\p{Cc}\p{Cs}]/u;

/** Whether `text` holds only characters the app accepts from a user. */
export function isSafeText(text: string, { multiLine = false } = {}): boolean {
  return !(multiLine ? UNSAFE_IN_MULTI_LINE : UNSAFE_IN_ONE_LINE).test(text);
}

/**
 * A zod check refusing unsafe characters, with a message for the field: `label` names it
 * ("Topic"). Single-line unless `multiLine`, which allows line breaks and tabs.
 */
export function safeText(label: string, options: { multiLine?: boolean } = {}) {
  return z.refine<string>(
    (text) => isSafeText(text, options),
    `${label} contains control characters or broken text; remove them and try again`,
  );
}
