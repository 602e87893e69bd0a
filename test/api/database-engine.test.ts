import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareTestDatabase } from "../support/database";

// DATABASE_URL switches the app from the embedded engine to PostgreSQL. Which engine the
// app's own client talks to is asked of the engine itself (`SELECT version()`: PGlite
// names itself there), not read from the variables this harness set. In the "postgres"
// test project, a row the app writes must also be in the PostgreSQL database itself,
// read back with a plain driver, not only through the app's own client.

let db: typeof import("@/lib/db");

beforeAll(async () => {
  prepareTestDatabase();
  db = await import("@/lib/db");
});

const onPostgres = process.env.TEST_DATABASE_ENGINE === "postgres";

/** How the database the app's own client is connected to describes itself. */
async function engineTheAppUses(): Promise<{ version: string; database: string }> {
  const { getDb } = await import("@/lib/db/client");
  const [row] = await getDb().$queryRaw<{ version: string; database: string }[]>`
    SELECT version() AS version, current_database()::text AS database`;
  if (!row) throw new Error("SELECT version() returned no row");
  return row;
}

/** Records a generation run with a fresh request id and returns that id. */
async function recordRun(run: {
  outcome: "complete" | "failed";
  errorCode?: string;
  milestones: number;
}) {
  const requestId = randomUUID();
  await db.recordGenerationRun({
    requestId,
    provider: "offline",
    model: "catalog",
    stage: "finalizing",
    durationMs: 12,
    ...run,
  });
  return requestId;
}

describe("database engine", () => {
  it("stores and reads back a generation run", async () => {
    const requestId = await recordRun({ outcome: "complete", milestones: 4 });
    expect(await db.findGenerationRun(requestId)).toMatchObject({ requestId, milestones: 4 });
  });

  it.runIf(onPostgres)(
    "talks to PostgreSQL itself, not the embedded engine, when DATABASE_URL is set",
    async () => {
      const engine = await engineTheAppUses();
      expect(engine.version).toMatch(/^PostgreSQL /);
      expect(engine.version).not.toContain("PGlite");
      // The database named by DATABASE_URL (each test file gets its own).
      expect(engine.database).toBe(new URL(process.env.DATABASE_URL ?? "").pathname.slice(1));
    },
  );

  it.runIf(onPostgres)("writes to the PostgreSQL server named by DATABASE_URL", async () => {
    const requestId = await recordRun({ outcome: "failed", errorCode: "timeout", milestones: 0 });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT "errorCode" FROM "GenerationRun" WHERE "requestId" = $1`,
        [requestId],
      );
      expect(rows).toEqual([{ errorCode: "timeout" }]);
    } finally {
      await client.end();
    }
  });

  it("refuses the embedded engine on Vercel, where instances cannot share its folder", async () => {
    const { createClient } = await import("@/lib/db/client");
    expect(() => createClient({ VERCEL: "1" })).toThrow(/DATABASE_URL must be set on Vercel/);
  });

  it.runIf(!onPostgres)("uses the embedded engine when DATABASE_URL is unset", async () => {
    expect(process.env.DATABASE_URL).toBeUndefined();
    // e.g. "PostgreSQL 18.6 (PGlite 0.5.16) on wasm32-unknown-emscripten, ..."
    expect((await engineTheAppUses()).version).toMatch(/\(PGlite [\d.]+\) on wasm32/);
  });
});
