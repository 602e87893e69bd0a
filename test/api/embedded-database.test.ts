import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareTestDatabase } from "../support/database";

// The embedded engine (PGlite) runs on its own thread behind the Postgres wire protocol
// (lib/db/embedded-database.ts). These tests hold it to that: the request thread stays
// free while the engine works, and an engine that is gone is an error, never a wait.
// (The row-lock tests, "keeps every week tick when they arrive at once" and "let exactly
// 5 of 30 wrong passwords from one address through", run on this path as well.)

const onPostgres = process.env.TEST_DATABASE_ENGINE === "postgres";

let embedded: typeof import("@/lib/db/embedded-database");
let PrismaClient: typeof import("@/lib/db/generated/client").PrismaClient;

beforeAll(async () => {
  prepareTestDatabase();
  embedded = await import("@/lib/db/embedded-database");
  ({ PrismaClient } = await import("@/lib/db/generated/client"));
});

/** A fresh copy of the migrated test database, for an engine of the test's own. */
function copyOfTestDatabase(): string {
  prepareTestDatabase();
  const dataDir = process.env.PGLITE_DATA_DIR;
  if (!dataDir) throw new Error("prepareTestDatabase gave no PGlite folder");
  return dataDir;
}

describe.runIf(!onPostgres)("the embedded database on its own thread", () => {
  it("keeps the request thread free while the app's client waits on a query", async () => {
    const { getDb } = await import("@/lib/db/client");
    await getDb().$queryRaw`SELECT 1`; // the engine has started
    const started = performance.now();
    let timerFiredAt = Number.POSITIVE_INFINITY;
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        timerFiredAt = performance.now();
        resolve();
      }, 50),
    );
    // On the request thread, PGlite's WebAssembly would run the whole second in one go
    // and the 50 ms timer could only fire after it.
    const queryDoneAt = getDb().$executeRaw`SELECT pg_sleep(1)`.then(() => performance.now());
    await Promise.all([timer, queryDoneAt]);
    expect(timerFiredAt).toBeLessThan(await queryDoneAt);
    expect((await queryDoneAt) - started).toBeGreaterThanOrEqual(1000);
  });

  it("fails queries at once, not by hanging, when the engine's thread has stopped", async () => {
    const { adapter, worker } = embedded.startEmbeddedDatabase(copyOfTestDatabase());
    const client = new PrismaClient({ adapter });
    expect(await client.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    await worker.terminate();
    await expect(client.$queryRaw`SELECT 1 AS one`).rejects.toThrow();
  });

  it("lets the query under way finish and closes the folder when the process exits", async () => {
    const dataDir = copyOfTestDatabase();
    // The write takes 500 ms; the process exits 100 ms into it. Without waiting for the
    // engine the exit ended its thread mid-write: the row was lost, the folder left open.
    execFileSync(
      process.execPath,
      [
        "--conditions",
        "react-server",
        "--import",
        "tsx",
        "test/support/exit-during-write.ts",
        dataDir,
      ],
      { stdio: "inherit", timeout: 30_000 },
    );
    const reopened = await PGlite.create(dataDir);
    try {
      const { rows } = await reopened.query(
        `SELECT "subject" FROM "GenerationTicket" WHERE "id" = 'written-at-exit'`,
      );
      expect(rows).toEqual([{ subject: "exit" }]);
    } finally {
      await reopened.close();
    }
  });

  it("fails with the reason when the engine cannot start", async () => {
    // A data folder inside a file: PGlite cannot create it.
    const file = path.join(copyOfTestDatabase(), "a-file");
    writeFileSync(file, "not a folder");
    const { adapter } = embedded.startEmbeddedDatabase(path.join(file, "pglite"));
    const client = new PrismaClient({ adapter });
    await expect(client.$queryRaw`SELECT 1`).rejects.toThrow(
      /The embedded database (failed to start|stopped before it was ready)/,
    );
  });
});
