import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { learningPathSchema } from "@/lib/learning-path/path-schema";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { prepareTestDatabase } from "../support/database";

let fake: FakeOpenAi;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = fake.url;
  ({ POST } = await import("@/app/api/generate/route"));
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const post = (body: unknown) =>
  POST(
    new Request("http://localhost/api/generate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

const valid = {
  topic: "Go",
  level: "intermediate",
  learningStyle: "reading",
  durationWeeks: 4,
  hoursPerWeek: 3,
};

describe("POST /api/generate (non-streaming fallback)", () => {
  it("returns the finished path as JSON with the redirect URL", async () => {
    const response = await post(valid);
    expect(response.status).toBe(200);
    const json = (await response.json()) as { path: unknown; redirect_url: string };
    expect(json.redirect_url).toBe("/result");
    expect(learningPathSchema.parse(json.path).topic).toBe("Go");
  });

  it("rejects bad input with 400 and the fields, without calling the model", async () => {
    const response = await post({ ...valid, level: 7 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "invalid_input",
      issues: [{ field: "level" }],
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("maps a model failure to a JSON error with a safe message", async () => {
    fake.setScenario({ malformed: "curriculum" });
    const response = await post(valid);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      code: "invalid_output",
      error: "The AI returned a learning path we could not use. Please try again.",
    });
  });
});
