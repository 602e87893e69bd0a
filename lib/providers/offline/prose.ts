import type { LearningStyle, Level } from "@/lib/learning-path/request-schema";

// The offline engine's sentences: articles that agree with the word after them, lists
// joined the way people write them, and milestone descriptions kept within the length
// a path allows.

/** "an" before a vowel sound ("an intermediate", "an 8-week", "an 11-week"), else "a". */
export function withArticle(phrase: string): string {
  const vowelSound = /^(?:[aeio]|u(?!ni|s[eu])|8|1[18](?!\d))/i.test(phrase);
  return `${vowelSound ? "an" : "a"} ${phrase}`;
}

/** "a", "a and b", "a, b and c". */
export function listInProse(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export const quoted = (text: string) => `“${text}”`;

export const LEVEL_PHRASE: Record<Level, string> = {
  beginner: "beginner",
  intermediate: "intermediate",
  advanced: "advanced",
  expert: "expert-level",
};

/** How each style works through a milestone's skills. */
export const STYLE_APPROACH: Record<LearningStyle, (skills: string) => string> = {
  visual: (skills) => `Watch worked demonstrations and sketch diagrams or mind maps of ${skills}.`,
  auditory: (skills) =>
    `Listen to explanations of ${skills}, then explain each idea out loud or to a study partner.`,
  reading: (skills) =>
    `Read the reference material on ${skills} and write short notes in your own words.`,
  kinesthetic: (skills) =>
    `Learn by doing: build small exercises that use ${skills} before reading further.`,
};

/** How each style works on a capstone project. */
export const STYLE_PROJECT: Record<LearningStyle, string> = {
  visual: "Sketch its design first and keep the sketch up to date as it grows.",
  auditory: "Talk each decision through, out loud or with a study partner.",
  reading: "Keep a short written log of each decision and what you read to make it.",
  kinesthetic: "Get a first rough version working early, then improve it in small steps.",
};

/** What every milestone leads with, for the summary. */
export const STYLE_LEAD: Record<LearningStyle, string> = {
  visual: "something to watch",
  auditory: "something to listen to",
  reading: "something to read",
  kinesthetic: "something to do",
};

/** One sentence naming the goals a milestone serves, as many as fit in `room` characters. */
export function goalsSentence(goals: string[], room: number): string {
  const noun = goals.length === 1 ? "goal" : "goals";
  for (let shown = goals.length; shown > 0; shown -= 1) {
    const left = goals.length - shown;
    const names = goals.slice(0, shown).map(quoted);
    if (left > 0) names.push(`${left} more of your goals`);
    const sentence = `It serves your ${noun} ${listInProse(names)}.`;
    if (sentence.length <= room) return sentence;
  }
  return goals.length > 0 ? `It serves ${goals.length} of your goals.` : "";
}
