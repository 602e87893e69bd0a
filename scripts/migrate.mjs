// Applies prisma/migrations to the database the app uses: PostgreSQL when DATABASE_URL
// is set, else the embedded PGlite folder. Each migration is recorded in Prisma's own
// `_prisma_migrations` table so `prisma migrate status` agrees.
//
// Why not `prisma migrate deploy`: with the PGlite adapter the Prisma 6.19 CLI applies
// the migrations but then never exits when the data folder already existed (seen here:
// "No pending migrations to apply." and then a hang), which would block `npm start`;
// against PostgreSQL it needs @prisma/adapter-pg 7, which does not match the 6.19 client.
import { createHash, randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import nextEnv from "@next/env";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
// Read .env / .env.local the way Next does, so both agree on where the database lives.
nextEnv.loadEnvConfig(root);
const migrationsDir = path.join(root, "prisma", "migrations");
// A migrated embedded database made by `npm run build` (`migrate.mjs --template`): a
// fresh clone's first start copies it instead of running initdb and every migration
// (seconds of CPU), then applies whatever migrations it lacks as usual.
// `--template-dir=<folder>` names another one (tests).
const templateDir = process.argv.find((arg) => arg.startsWith("--template-dir="));
const template = templateDir
  ? path.resolve(templateDir.slice("--template-dir=".length))
  : path.join(root, ".next", "pglite-template");
const makingTemplate = process.argv.includes("--template");
const migrations = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
// A server's address, when the app uses one (else the embedded database).
// A pooled connection string (PgBouncer in transaction mode) cannot hold the session
// lock below; DIRECT_DATABASE_URL names the server's own address when they differ.
const url = makingTemplate ? "" : process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL;
// The app's default (lib/env.ts): <DATA_DIR>/pglite unless PGLITE_DATA_DIR names one.
const dataDir = makingTemplate
  ? template
  : process.env.PGLITE_DATA_DIR
    ? path.resolve(root, process.env.PGLITE_DATA_DIR)
    : path.resolve(root, process.env.DATA_DIR || ".data", "pglite");
const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
if (!url && fresh && !makingTemplate && existsSync(path.join(template, "PG_VERSION"))) {
  cpSync(template, dataDir, { recursive: true });
}
// The embedded folder notes the migrations it holds: a later start whose folder has them
// all opens no database here (PGlite's own start costs a second or two of CPU, which the
// server then pays again).
const migratedNote = path.join(dataDir, "migrated.json");
if (
  !url &&
  existsSync(migratedNote) &&
  readFileSync(migratedNote, "utf8") === JSON.stringify(migrations)
) {
  console.log("database was already up to date");
  process.exit(0);
}

/** PGlite and node-postgres behind the four calls this script needs. */
async function openDatabase() {
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // Two deploys at once (several instances starting) must not apply a migration twice.
    await client.query("SELECT pg_advisory_lock(72707369)");
    return {
      exec: (sql) => client.query(sql),
      query: (sql, params) => client.query(sql, params),
      async transaction(work) {
        await client.query("BEGIN");
        try {
          await work({
            exec: (sql) => client.query(sql),
            query: (sql, params) => client.query(sql, params),
          });
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      },
      close: () => client.end(),
    };
  }
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}

const db = await openDatabase();
try {
  await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  const { rows } = await db.query(
    `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  const pending = migrations.filter((name) => !applied.has(name));
  for (const name of pending) {
    const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at", "applied_steps_count")
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), checksum, name],
      );
    });
    console.log(`applied migration ${name}`);
  }
  if (!url) writeFileSync(migratedNote, JSON.stringify(migrations));
  console.log(pending.length > 0 ? "database is up to date" : "database was already up to date");
} finally {
  await db.close();
}
