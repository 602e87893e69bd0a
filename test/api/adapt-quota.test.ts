import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { type FakeOpenAi, startFakeOpenAi } from "../fake-openai/server";
import { adaptClient, importAdaptRoutes } from "../support/adapt-routes";
import { collectEvents, request as learningRequest } from "../support/collect";
import { prepareTestDatabase } from "../support/database";
import { sessionCookie, TEST_AUTH_SECRET } from "../support/session";
import { readFrames } from "../support/sse-frames";

// Adapting a path counts against the same daily quota as generating one: past it, both
// adapt endpoints answer 429 with Retry-After before any stream starts or model is asked.

let fake: FakeOpenAi;

beforeAll(async () => {
  prepareTestDatabase();
  fake = await startFakeOpenAi();
  Object.assign(process.env, {
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: fake.url,
    AUTH_SECRET: TEST_AUTH_SECRET,
    RATE_LIMIT_USER_PER_DAY: "2",
  });
});
afterAll(() => fake.close());

describe("quota", () => {
  it("counts each adaptation as a generation and answers 429 past the daily limit", async () => {
    const routes = await importAdaptRoutes();
    const db = await import("@/lib/db");
    const done = (await collectEvents(new OfflineProvider(), learningRequest())).at(-1);
    if (done?.type !== "done") throw new Error("no path");
    const path: LearningPath = done.path;
    const user = await db.createPasswordUser(`quota-${Math.random()}@example.test`, undefined, "x");
    if (!user) throw new Error("no user");
    const pathId = await db.saveLearningPath(user.id, learningRequest(), path, {});
    const api = adaptClient(routes, await sessionCookie(user.id));

    const first = await api.regenerate(pathId, 0, {});
    expect(first.headers.get("x-generations-remaining")).toBe("1");
    expect((await readFrames(first)).at(-1)?.event).toBe("done");
    const second = await api.replan(pathId, { hoursPerWeek: 3 });
    expect(second.headers.get("x-generations-remaining")).toBe("0");
    expect((await readFrames(second)).at(-1)?.event).toBe("done");

    const asked = fake.requests.length;
    for (const refused of [
      await api.regenerate(pathId, 0, {}),
      await api.replan(pathId, { hoursPerWeek: 5 }),
    ]) {
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ code: "daily_limit" });
    }
    expect(fake.requests.length).toBe(asked);
  });
});
