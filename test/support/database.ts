import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/**
 * Gives this test file its own migrated database, so files can run in parallel:
 * a new database on the PostgreSQL server in TEST_DATABASE_URL when the "postgres" test
 * project runs (vitest.config.ts), else a copy of the run's migrated PGlite template
 * (test/support/global-setup.ts; PGlite allows one open connection per folder). Call
 * before importing anything that opens the database.
 */
export function prepareTestDatabase(): void {
  if (process.env.TEST_DATABASE_ENGINE === "postgres") {
    const url = createPostgresDatabase(requiredServerUrl());
    execFileSync(process.execPath, ["scripts/migrate.mjs"], {
      env: { ...process.env, DATABASE_URL: url, DIRECT_DATABASE_URL: "" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    process.env.DATABASE_URL = url;
    delete process.env.PGLITE_DATA_DIR;
    return;
  }
  const runDir = inject("pgliteRunDir");
  const dataDir = mkdtempSync(path.join(runDir, "file-"));
  cpSync(path.join(runDir, "template"), dataDir, { recursive: true });
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = dataDir;
}

function requiredServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL must point at a PostgreSQL server");
  return url;
}

/** Creates an empty database on the server and returns its connection string. */
function createPostgresDatabase(serverUrl: string): string {
  const name = `learning_path_test_${randomBytes(6).toString("hex")}`;
  // Synchronous like the rest of the set-up: a child process runs the one statement.
  execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import pg from "pg";
       const client = new pg.Client({ connectionString: process.env.SERVER_URL });
       await client.connect();
       await client.query('CREATE DATABASE "${name}"');
       await client.end();`,
    ],
    { env: { ...process.env, SERVER_URL: serverUrl }, stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
