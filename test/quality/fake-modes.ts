import type { Scenario } from "../fake-openai/server";

// How the fake model behaves during a corpus run, by name. "normal" follows every
// instruction; the others are the faults the fake can already produce. Misbehaviours
// added to the fake later (too few milestones, none, wrong hours, cut off, repeated
// resources) get a line here and are then run with `npm run quality -- --fake-mode NAME`;
// any scenario can also be passed as JSON with --fake-scenario.
export const FAKE_MODES: Record<string, Scenario> = {
  normal: {},
  "bad-links": { linkless: { badLinks: [0, 1], noLinks: [2] } },
  "malformed-once": { malformedOnce: "curriculum" },
  "dropped-once": { dropAfter: { kind: "curriculum", chunks: 3, times: 1 } },
};
