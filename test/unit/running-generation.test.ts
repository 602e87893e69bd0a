import { describe, expect, it } from "vitest";
import {
  forgetRunningGeneration,
  RUNNING_GENERATION_KEY,
  recallRunningGeneration,
  rememberRunningGeneration,
} from "@/components/use-learning-path-generation/running-generation";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const request = {
  topic: "Rust",
  level: "beginner" as const,
  learningStyle: "visual" as const,
  durationWeeks: 6,
  hoursPerWeek: 4,
  goals: ["Write a CLI"],
};

describe("the generation a tab is following, kept in its sessionStorage", () => {
  it("is recalled as it was remembered, then forgotten", () => {
    const storage = memoryStorage();
    const running = { job: { id: "job-1", resumeToken: "t0k" }, request };
    rememberRunningGeneration(running, storage);
    expect(recallRunningGeneration(storage)).toEqual(running);
    forgetRunningGeneration(storage);
    expect(recallRunningGeneration(storage)).toBeNull();
  });

  it("something stored that does not read as one is dropped, not trusted", () => {
    const storage = memoryStorage();
    storage.setItem(RUNNING_GENERATION_KEY, "{not json");
    expect(recallRunningGeneration(storage)).toBeNull();
    storage.setItem(
      RUNNING_GENERATION_KEY,
      JSON.stringify({ job: { id: "j" }, request: { ...request, level: "wizard" } }),
    );
    expect(recallRunningGeneration(storage)).toBeNull();
    expect(storage.items.size).toBe(0);
  });
});
