import type { Scenario } from "./server";

// The fake model's misbehaviours by name, for tests and for the quality corpus, which
// runs the AI provider against each of them. Each is what a real (often small, local)
// model was seen doing; the app is expected to deliver a sound path anyway, or fail
// honestly where nothing usable came back (see `recoverable`).

export type FakeModeName =
  | "well-behaved"
  | "too-few-milestones"
  | "too-many-milestones"
  | "no-milestones"
  | "wrong-hours"
  | "cut-off"
  | "bad-links"
  | "repeated-resources"
  | "queued";

export type FakeMode = {
  name: FakeModeName;
  /** What the fake does, in one sentence. */
  description: string;
  scenario: Scenario;
  /** Whether a generation should still end with a path (false: with an honest error). */
  recoverable: boolean;
};

export const FAKE_MODES: readonly FakeMode[] = [
  {
    name: "well-behaved",
    description: "Answers every call as asked.",
    scenario: {},
    recoverable: true,
  },
  {
    name: "too-few-milestones",
    description: "The first curriculum answer has a single milestone; a follow-up is answered.",
    scenario: { curriculum: { milestones: 1, times: 1 } },
    recoverable: true,
  },
  {
    name: "too-many-milestones",
    description: "Every curriculum answer has two milestones more than the plan.",
    scenario: { curriculum: { extra: 2 } },
    recoverable: true,
  },
  {
    name: "no-milestones",
    description:
      "The first curriculum answer has an empty milestone list; a follow-up is answered.",
    scenario: { curriculum: { milestones: 0, times: 1 } },
    recoverable: true,
  },
  {
    name: "wrong-hours",
    description: "Every milestone starts at week 1 and takes 1 hour.",
    scenario: { curriculum: { wrongHours: true } },
    recoverable: true,
  },
  {
    name: "cut-off",
    description: "The first answer of each call stops 60% of the way with finish_reason length.",
    scenario: { cutOff: { fraction: 0.6, times: 1 } },
    recoverable: true,
  },
  {
    name: "bad-links",
    description:
      "Resources of the first three milestones have only javascript:, ftp:, file: links.",
    scenario: { linkless: { badLinks: [0, 1, 2] } },
    recoverable: true,
  },
  {
    name: "repeated-resources",
    description: "Every milestone gets the same two resources.",
    scenario: { repeatedResources: true },
    recoverable: true,
  },
  {
    name: "queued",
    description: "Each request waits 1.5 s before the answer starts (a busy one-slot server).",
    scenario: { queuedMs: 1_500 },
    recoverable: true,
  },
];

/** The scenario of a mode, by name. */
export function fakeMode(name: FakeModeName): FakeMode {
  const mode = FAKE_MODES.find((candidate) => candidate.name === name);
  if (!mode) throw new Error(`no fake mode ${name}`);
  return mode;
}
