import { describe, expect, it } from "vitest";
import { safeRedirectPath, signInSchema, signUpSchema } from "@/lib/auth/credentials";
import { toFieldIssues } from "@/lib/errors/field-issues";
import { learningPathRequestSchema } from "@/lib/learning-path/request-schema";
import { isSafeText } from "@/lib/validation/safe-text";

// Issue 11, findings 1 and 5: text with NUL, a lone surrogate or another control
// character is refused by every schema that takes text from a user, and a redirect
// target holding one falls back to the default page.

const UNSAFE = ["abc\u0000def", "abc\ud800", "\udc00abc", "a\u0007b", "a\u007fb", "a\u0085b"];

describe("safe text", () => {
  it("refuses NUL, lone surrogates and control characters", () => {
    for (const text of UNSAFE) expect(isSafeText(text), JSON.stringify(text)).toBe(false);
    for (const text of UNSAFE) {
      expect(isSafeText(text, { multiLine: true }), JSON.stringify(text)).toBe(false);
    }
  });

  it("accepts any other text, and line breaks and tabs only where several lines are allowed", () => {
    for (const text of ["Rust", "Čeština 日本語", "emoji 🦀 pair", "a\u200db", "C# & <T>"]) {
      expect(isSafeText(text), text).toBe(true);
    }
    for (const text of ["one\ntwo", "one\r\ntwo", "a\tb"]) {
      expect(isSafeText(text), JSON.stringify(text)).toBe(false);
      expect(isSafeText(text, { multiLine: true }), JSON.stringify(text)).toBe(true);
    }
  });
});

describe("schemas refuse unsafe text with a message for the field", () => {
  const request = {
    topic: "Rust",
    level: "beginner",
    learningStyle: "visual",
    durationWeeks: 4,
    hoursPerWeek: 4,
  };
  type Schema = {
    safeParse(value: unknown): { error?: Parameters<typeof toFieldIssues>[0] };
  };
  const issues = (schema: Schema, value: unknown) => {
    const { error } = schema.safeParse(value);
    return error ? toFieldIssues(error) : [];
  };
  const refused = (label: string, field: string) => [
    {
      field,
      message: `${label} contains control characters or broken text; remove them and try again`,
    },
  ];

  it("in the generation request: topic and each goal", () => {
    const parse = (change: object) =>
      issues(learningPathRequestSchema, { ...request, ...change }).map((i) => i.field);
    expect(issues(learningPathRequestSchema, { ...request, topic: "abc\u0000def" })).toEqual(
      refused("Topic", "topic"),
    );
    expect(parse({ topic: "Rust\ud800" })).toEqual(["topic"]);
    expect(parse({ goals: ["fine", "bad\u0000goal"] })).toEqual(["goals.1"]);
    expect(parse({ topic: "Rust\ud83e\udd80" })).toEqual([]);
  });

  it("in sign-up and sign-in", () => {
    const account = { email: "a@example.test", password: "long enough password" };
    expect(issues(signUpSchema, { ...account, name: "Ada\u0000" })).toEqual(
      refused("The name", "name"),
    );
    expect(issues(signUpSchema, { ...account, password: "long enough\u0000" })).toEqual(
      refused("The password", "password"),
    );
    expect(issues(signInSchema, { ...account, email: "a\u0000@example.test" })).not.toEqual([]);
    expect(issues(signInSchema, account)).toEqual([]);
  });
});

describe("safeRedirectPath", () => {
  it("falls back to the default page for a target with a control character", () => {
    for (const target of [
      "/paths\n",
      "/paths\r\nSet-Cookie: x=1",
      "/\t/evil.example",
      "/p\u0000",
    ]) {
      expect(safeRedirectPath(target), JSON.stringify(target)).toBe("/paths");
    }
  });

  it("keeps this site's paths, percent-encoded, and refuses other sites", () => {
    expect(safeRedirectPath("/paths/abc?x=1#top")).toBe("/paths/abc?x=1#top");
    expect(safeRedirectPath("/paths/🦀")).toBe("/paths/%F0%9F%A6%80");
    for (const target of ["//evil.example", "/\\evil.example", "https://evil.example", "paths"]) {
      expect(safeRedirectPath(target), target).toBe("/paths");
    }
    expect(safeRedirectPath(undefined, "/")).toBe("/");
  });
});
