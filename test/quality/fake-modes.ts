import { FAKE_MODES as MISBEHAVIOURS } from "../fake-openai/modes";
import type { Scenario } from "../fake-openai/server";

// How the fake model behaves during a corpus run, by name: "normal" follows every
// instruction; the rest are the fake's named misbehaviours (test/fake-openai/modes.ts,
// what real small models were seen doing) and two transport faults it can also produce.
// Run one with `npm run quality -- --fake-mode NAME`, all with `--fake-mode all`; any
// scenario can also be passed as JSON with --fake-scenario.
export const FAKE_MODES: Record<string, Scenario> = {
  normal: {},
  ...Object.fromEntries(
    MISBEHAVIOURS.filter((mode) => mode.name !== "well-behaved").map((mode) => [
      mode.name,
      mode.scenario,
    ]),
  ),
  "malformed-once": { malformedOnce: "curriculum" },
  "dropped-once": { dropAfter: { kind: "curriculum", chunks: 3, times: 1 } },
};
