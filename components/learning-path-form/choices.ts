import { capitalise } from "@/lib/learning-path/labels";
import { LEARNING_STYLES, LEVELS, TIME_PRESETS } from "@/lib/learning-path/request-schema";
import type { Choice } from "./choice-fieldset";

// The form's radio choices, in the words the learner sees.

const STYLE_HINTS = {
  visual: "Videos, diagrams, interactive demos",
  auditory: "Podcasts, lectures, talking it through",
  reading: "Docs, books, written tutorials",
  kinesthetic: "Hands-on exercises and projects",
} as const;

export const LEVEL_CHOICES: Choice[] = LEVELS.map((level) => ({
  value: level,
  label: capitalise(level),
  preselected: level === "beginner",
}));

export const STYLE_CHOICES: Choice[] = LEARNING_STYLES.map((style) => ({
  value: style,
  label: capitalise(style),
  hint: STYLE_HINTS[style],
  preselected: style === "visual",
}));

export const TIME_CHOICES: Choice[] = TIME_PRESETS.map((preset) => ({
  value: preset.hoursPerWeek,
  label: preset.label,
  hint: preset.range,
  preselected: preset.id === "moderate",
}));
