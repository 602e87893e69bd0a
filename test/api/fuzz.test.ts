import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learningPathRequestSchema } from "@/lib/learning-path/request-schema";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";

// Malformed input to every endpoint that takes a body: each gets a 4xx with a clear error,
// never a 5xx, and nothing reaches the model.

let fake: FakeOpenAi;
let cookie: string;
type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;
const endpoints: { name: string; method: string; url: string; handler: Handler }[] = [];

const valid = {
  topic: "Go",
  level: "beginner",
  learningStyle: "visual",
  durationWeeks: 4,
  hoursPerWeek: 4,
};
const weird: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER,
  "",
  " ",
  "x",
  "\u0000",
  "\ud800",
  "🚀".repeat(300),
  "\u202e\u0645",
  [],
  [1, 2],
  ["a"],
  {},
  { nested: { deep: [null] } },
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  -0.5,
  2.5,
  "NaN",
  "12abc",
  "1e3",
  "x".repeat(10_000),
  [{}],
  [[]],
  { $gt: "" },
  "null",
];

function bodies(): { body: BodyInit; type: string }[] {
  const out: { body: BodyInit; type: string }[] = [];
  // Only bodies that are really invalid: an odd but valid topic is a request, not a fuzz case.
  const json = (value: unknown) => {
    if (!learningPathRequestSchema.safeParse(value).success) {
      out.push({ body: JSON.stringify(value), type: "application/json" });
    }
  };
  for (const field of Object.keys(valid)) {
    for (const value of weird) json({ ...valid, [field]: value });
  }
  for (const value of weird) json({ ...valid, goals: value });
  for (const value of weird) json(value);
  json(JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1)}`));
  json({ ...valid, constructor: { prototype: { polluted: true } } });
  json({ ...valid, goals: Array.from({ length: 11 }, () => "g") });
  json({ ...valid, topic: "x".repeat(1024 * 1024) });
  for (const cut of [1, 5, 20, 40])
    out.push({ body: JSON.stringify(valid).slice(0, cut), type: "application/json" });
  out.push({ body: "{'topic': 'single quotes'}", type: "application/json" });
  out.push({ body: new Uint8Array([0xff, 0xfe, 0x00]), type: "application/json" });
  for (const type of ["text/plain", "application/xml", "", "image/png", "application/javascript"]) {
    out.push({ body: JSON.stringify(valid), type });
  }
  out.push({ body: "topic=a&level=guru", type: "application/x-www-form-urlencoded" });
  out.push({ body: "--x\r\nbroken", type: "multipart/form-data; boundary=x" });
  return out;
}

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = fake.url;
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  const db = await import("@/lib/db");
  const user = await db.createPasswordUser("fuzz@example.test", undefined, "x");
  cookie = await sessionCookie(user?.id ?? "");
  const stream = await import("@/app/api/generate/stream/route");
  const plain = await import("@/app/api/generate/route");
  const paths = await import("@/app/api/paths/route");
  const path = await import("@/app/api/paths/[id]/route");
  const progress = await import("@/app/api/paths/[id]/progress/route");
  endpoints.push(
    {
      name: "POST /api/generate/stream",
      method: "POST",
      url: "/api/generate/stream",
      handler: stream.POST,
    },
    { name: "POST /api/generate", method: "POST", url: "/api/generate", handler: plain.POST },
    { name: "POST /api/paths", method: "POST", url: "/api/paths", handler: paths.POST },
    { name: "PATCH /api/paths/<id>", method: "PATCH", url: "/api/paths/x", handler: path.PATCH },
    {
      name: "PATCH /api/paths/<id>/progress",
      method: "PATCH",
      url: "/api/paths/x/progress",
      handler: progress.PATCH,
    },
  );
});
afterAll(() => fake.close());

describe("fuzzing every endpoint with malformed bodies", () => {
  it("has at least 200 malformed bodies", () => {
    expect(bodies().length).toBeGreaterThanOrEqual(200);
  });

  it("answers each with a 4xx and a clear JSON error, never reaching the model", {
    timeout: 120_000,
  }, async () => {
    const failures: string[] = [];
    for (const endpoint of endpoints) {
      for (const { body, type } of bodies()) {
        const headers: Record<string, string> = { host: "localhost", cookie };
        if (type) headers["content-type"] = type;
        const response = await endpoint.handler(
          new Request(`http://localhost${endpoint.url}`, {
            method: endpoint.method,
            headers,
            body,
          }),
          { params: Promise.resolve({ id: "x" }) },
        );
        const json = (await response.json().catch(() => null)) as { error?: unknown } | null;
        if (response.status < 400 || response.status >= 500 || typeof json?.error !== "string") {
          failures.push(
            `${endpoint.name} ${type} ${String(body).slice(0, 60)} -> ${response.status}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(fake.requests).toHaveLength(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
