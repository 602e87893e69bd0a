import { beforeAll, describe, expect, it } from "vitest";
import { prepareTestDatabase } from "../support/database";

// Issue 11, finding 3: two sign-ups with one email at the same moment. The loser must get
// the ordinary "already exists" answer (createPasswordUser's undefined), not an error.

let db: typeof import("@/lib/db");

beforeAll(async () => {
  prepareTestDatabase();
  db = await import("@/lib/db");
});

describe("sign-ups racing for one email", () => {
  it("creates exactly one account and tells every other sign-up it already exists", async () => {
    const email = `race-${crypto.randomUUID()}@example.test`;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => db.createPasswordUser(email, `Racer ${i}`, "hash")),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const created = results.flatMap((result) =>
      result.status === "fulfilled" && result.value ? [result.value] : [],
    );
    expect(created).toHaveLength(1);
    expect((await db.findUserByEmail(email))?.id).toBe(created[0]?.id);
  });
});
