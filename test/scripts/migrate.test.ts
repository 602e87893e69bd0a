import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";

// README, "Deploying": migrations are applied by scripts/migrate.mjs at each deploy and
// recorded in `_prisma_migrations`, "and a lock stops two deploys from applying one
// twice". On PostgreSQL that lock is a session advisory lock, tested here with two real
// migrate processes at once. PGlite is one process's embedded database and takes no lock
// on its folder (two runs at once on one folder both apply everything), so there the
// test covers what holds for it: a run after a run applies nothing again.

const MIGRATIONS = readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

type Run = { code: number | null; output: string };

/** Starts `node scripts/migrate.mjs` against the database `env` names. */
function startMigrate(
  env: Record<string, string>,
  args = [`--template-dir=${path.join(tmpdir(), "no-such-template")}`],
): { child: ChildProcess; done: Promise<Run> } {
  const { DATABASE_URL, DIRECT_DATABASE_URL, PGLITE_DATA_DIR, ...inherited } = process.env;
  const child = spawn(process.execPath, ["scripts/migrate.mjs", ...args], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const done = new Promise<Run>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
  return { child, done };
}

/** Which migrations each run says it applied. */
const appliedBy = (run: Run) =>
  [...run.output.matchAll(/^applied migration (\S+)$/gm)].map((match) => match[1]);

/** Each recorded migration with how many times it is recorded. */
const RECORDED = `SELECT "migration_name" AS name, count(*)::int AS times
  FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL GROUP BY 1 ORDER BY 1`;

const once = MIGRATIONS.map((name) => ({ name, times: 1 }));

describe("migrations on PostgreSQL", () => {
  it("two migrate runs at once apply each migration exactly once, and both succeed", async (context) => {
    const serverUrl = process.env.TEST_DATABASE_URL;
    context.skip(
      !serverUrl,
      "TEST_DATABASE_URL is not set (CI always sets it; locally: scripts/start-test-postgres.sh)",
    );
    if (!serverUrl) return;

    const name = `learning_path_migrate_${randomBytes(6).toString("hex")}`;
    const server = new pg.Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();

    // A gate, so the two runs really overlap whatever their start-up times: this session
    // creates `_prisma_migrations` without committing, which makes the first statement
    // of any migrate run wait. Once both runs wait on a lock (the second one on the
    // advisory lock, or, without it, on the same table), rolling back opens the gate on
    // a still-empty database.
    const gate = new pg.Client({ connectionString: databaseUrl });
    await gate.connect();
    try {
      await gate.query("BEGIN");
      await gate.query(`CREATE TABLE "_prisma_migrations" ("id" integer)`);

      const runs = [
        startMigrate({ DATABASE_URL: databaseUrl }),
        startMigrate({ DATABASE_URL: databaseUrl }),
      ];
      try {
        for (;;) {
          // Asked outside the gate's transaction, which would see one cached snapshot.
          const { rows } = await server.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
             WHERE datname = $1 AND wait_event_type = 'Lock'`,
            [name],
          );
          // A run that ended already (it failed, or did not wait) ends the wait too.
          if (rows[0]?.waiting === 2 || runs.some((run) => run.child.exitCode !== null)) break;
          // Polling the server for the condition, not sleeping instead of it.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await gate.query("ROLLBACK");
        const [first, second] = (await Promise.all(runs.map((run) => run.done))) as [Run, Run];

        expect(first.code, first.output).toBe(0);
        expect(second.code, second.output).toBe(0);
        // Between the two runs, each migration was applied once.
        expect([...appliedBy(first), ...appliedBy(second)].sort()).toEqual(MIGRATIONS);
        expect((await gate.query(RECORDED)).rows).toEqual(once);
      } finally {
        for (const run of runs) run.child.kill();
      }
    } finally {
      await gate.end();
      await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.end();
    }
  }, 120_000);
});

describe("migrations on the embedded database (PGlite)", () => {
  it("a second run applies nothing and leaves each migration recorded once", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "migrate-test-")), "pglite");

    const first = await startMigrate({ PGLITE_DATA_DIR: dataDir }).done;
    expect(first.code).toBe(0);
    expect(appliedBy(first)).toEqual(MIGRATIONS);

    const second = await startMigrate({ PGLITE_DATA_DIR: dataDir }).done;
    expect(second.code).toBe(0);
    expect(appliedBy(second)).toEqual([]);
    expect(second.output).toContain("database was already up to date");

    const db = new PGlite(dataDir);
    try {
      expect((await db.query(RECORDED)).rows).toEqual(once);
    } finally {
      await db.close();
    }
  }, 120_000);

  it("a fresh folder starts as a copy of the build's migrated template, applying nothing", async () => {
    const base = mkdtempSync(path.join(tmpdir(), "migrate-test-"));
    const template = `--template-dir=${path.join(base, "template")}`;
    const made = await startMigrate({}, ["--template", template]).done;
    expect(appliedBy(made)).toEqual(MIGRATIONS);

    const dataDir = path.join(base, "pglite");
    const fresh = await startMigrate({ PGLITE_DATA_DIR: dataDir }, [template]).done;
    expect(fresh.code, fresh.output).toBe(0);
    expect(appliedBy(fresh)).toEqual([]);
    const db = new PGlite(dataDir);
    try {
      expect((await db.query(RECORDED)).rows).toEqual(once);
    } finally {
      await db.close();
    }
  }, 120_000);
});
