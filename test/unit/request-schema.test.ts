import { describe, expect, it } from "vitest";
import { toFieldIssues } from "@/lib/errors/field-issues";
import { learningPathRequestSchema } from "@/lib/learning-path/request-schema";

const valid = {
  topic: "Machine Learning",
  level: "beginner",
  learningStyle: "visual",
  durationWeeks: 8,
  hoursPerWeek: 4,
  goals: ["Build a classifier"],
};

const issuesFor = (input: unknown) => {
  const result = learningPathRequestSchema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error).map((issue) => issue.field);
};

describe("learning path request schema", () => {
  it("accepts a complete request and trims the topic", () => {
    const parsed = learningPathRequestSchema.parse({ ...valid, topic: "  Rust  " });
    expect(parsed.topic).toBe("Rust");
  });

  it("asks an empty topic to be typed or picked, and only a short one for 2 characters", () => {
    const messages = (topic: string) => {
      const result = learningPathRequestSchema.safeParse({ ...valid, topic });
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages("   ")).toEqual(["Type what you want to learn, or pick a popular skill"]);
    expect(messages("x")).toEqual(["Topic must be at least 2 characters"]);
  });

  it("defaults goals to an empty list", () => {
    const { goals: _, ...withoutGoals } = valid;
    expect(learningPathRequestSchema.parse(withoutGoals).goals).toEqual([]);
  });

  it("accepts numbers sent as digit strings by plain form posts", () => {
    const parsed = learningPathRequestSchema.parse({
      ...valid,
      durationWeeks: "12",
      hoursPerWeek: " 8 ",
    });
    expect(parsed).toMatchObject({ durationWeeks: 12, hoursPerWeek: 8 });
  });

  it.each([
    ["topic too short", { topic: "a" }, "topic"],
    ["topic too long", { topic: "x".repeat(201) }, "topic"],
    ["unknown level", { level: "guru" }, "level"],
    ["unknown learning style", { learningStyle: "telepathic" }, "learningStyle"],
    ["zero weeks", { durationWeeks: 0 }, "durationWeeks"],
    ["53 weeks", { durationWeeks: 53 }, "durationWeeks"],
    ["fractional weeks", { durationWeeks: 2.5 }, "durationWeeks"],
    ["boolean weeks", { durationWeeks: true }, "durationWeeks"],
    ["null hours", { hoursPerWeek: null }, "hoursPerWeek"],
    ["41 hours", { hoursPerWeek: 41 }, "hoursPerWeek"],
    ["digits with junk", { hoursPerWeek: "12abc" }, "hoursPerWeek"],
    ["goals as a string", { goals: "learn" }, "goals"],
    ["eleven goals", { goals: Array.from({ length: 11 }, (_, i) => `goal ${i}`) }, "goals"],
    ["an empty goal", { goals: ["  "] }, "goals.0"],
  ])("rejects %s, naming the field", (_, override, field) => {
    expect(issuesFor({ ...valid, ...override })).toContain(field);
  });

  it("rejects unknown keys, including prototype-polluting ones", () => {
    expect(
      issuesFor(JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1)}`)),
    ).not.toEqual([]);
    expect(issuesFor({ ...valid, constructor: "x" })).not.toEqual([]);
  });
});
