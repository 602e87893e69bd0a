import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  interface ProvidedContext {
    /** This run's folder: a migrated PGlite template in `template/`, and each file's copy. */
    pgliteRunDir: string;
  }
}

/**
 * Migrates one embedded database per test run (initdb and the migrations cost seconds of
 * CPU, far too much to pay in every file's `beforeAll` on a busy machine); each test file
 * then copies it (test/support/database.ts), which takes a fraction of a second.
 */
export default async function setup(project: TestProject) {
  const runDir = mkdtempSync(path.join(tmpdir(), "learning-path-tests-"));
  // Empty, not deleted: migrate.mjs reads .env files, which must not name a server here.
  const env = {
    ...process.env,
    DATABASE_URL: "",
    DIRECT_DATABASE_URL: "",
    PGLITE_DATA_DIR: path.join(runDir, "template"),
  };
  await promisify(execFile)(process.execPath, ["scripts/migrate.mjs"], { env });
  project.provide("pgliteRunDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
