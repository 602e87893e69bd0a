import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Gives this test file its own migrated PGlite database (PGlite allows one open
 * connection per data folder, and test files run in parallel). Call before importing
 * anything that opens the database.
 */
export function prepareTestDatabase(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "learning-path-db-"));
  execFileSync(process.execPath, ["scripts/migrate.mjs"], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir },
    stdio: "ignore",
  });
  process.env.PGLITE_DATA_DIR = dataDir;
  return dataDir;
}
