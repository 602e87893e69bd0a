import { beforeAll, describe, expect, it } from "vitest";
import { MAX_GENERATION_SECONDS } from "@/lib/generation/budget";
import { prepareTestDatabase } from "../support/database";

// Next reads a route's maxDuration as a literal, so the generation routes cannot import
// the limit the pipeline's budget and the stale-ticket sweep are derived from; this
// keeps the literals and the constant the same.

beforeAll(() => {
  prepareTestDatabase();
});

describe("generation routes' time limit", () => {
  it("is MAX_GENERATION_SECONDS on the streaming and the plain route", async () => {
    const stream = await import("@/app/api/generate/stream/route");
    const plain = await import("@/app/api/generate/route");
    expect(stream.maxDuration).toBe(MAX_GENERATION_SECONDS);
    expect(plain.maxDuration).toBe(MAX_GENERATION_SECONDS);
  });
});
