import { describe, expect, it } from "vitest";
import {
  applyEvent,
  type GenerationState,
  IDLE,
  reconnectingState,
} from "@/components/generation-state";
import type { GenerationEvent } from "@/lib/sse/events";

const events: GenerationEvent[] = [
  { type: "progress", stage: "analyzing", progress: 0, message: "Analyzing" },
  {
    type: "progress",
    stage: "curriculum",
    progress: 20,
    message: "m1",
    milestone: { index: 0, title: "Basics" },
  },
  {
    type: "progress",
    stage: "curriculum",
    progress: 30,
    message: "m2",
    milestone: { index: 1, title: "Projects" },
  },
  {
    type: "progress",
    stage: "resources",
    progress: 50,
    message: "r1",
    resources: { index: 1, titles: ["Book", "Course"] },
  },
];

const replay = (list: GenerationEvent[], from: GenerationState = IDLE) =>
  list.reduce(applyEvent, from);

describe("the progress dialog's state", () => {
  it("puts each milestone's resources under it as they arrive", () => {
    const state = replay(events);
    expect(state).toMatchObject({
      status: "running",
      progress: 50,
      milestones: [
        { title: "Basics", resources: [] },
        { title: "Projects", resources: ["Book", "Course"] },
      ],
    });
  });

  it("a replay from the first frame rebuilds the same state", () => {
    expect(replay(events)).toEqual(replay(events));
  });

  it("reconnecting shows until the next frame; progress never goes back", () => {
    const dropped = reconnectingState(replay(events));
    expect(dropped).toMatchObject({ reconnecting: true });
    const next = applyEvent(dropped, {
      type: "progress",
      stage: "resources",
      progress: 40,
      message: "late",
    });
    expect(next).toMatchObject({ reconnecting: false, progress: 50 });
  });

  it("a job cancelled elsewhere closes the dialog quietly; an interrupted one shows why", () => {
    const failure = (code: "cancelled" | "interrupted"): GenerationEvent => ({
      type: "error",
      stage: "resources",
      progress: 50,
      message: "m",
      error: `${code}!`,
      code,
    });
    expect(applyEvent(replay(events), failure("cancelled"))).toEqual(IDLE);
    expect(applyEvent(replay(events), failure("interrupted"))).toMatchObject({
      status: "error",
      error: "interrupted!",
    });
  });
});
