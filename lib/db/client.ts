import "server-only";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { type Env, env, localDataPath } from "@/lib/env";
import { startEmbeddedDatabase } from "./embedded-database";
import { PrismaClient } from "./generated/client";

// One Prisma client per process, over PostgreSQL when DATABASE_URL is set (production:
// a managed server, pooled connection string) and over the embedded PGlite folder
// otherwise (a fresh clone, no set-up), which runs on its own thread behind the same
// driver adapter (lib/db/embedded-database.ts). PGlite allows a single open connection
// to its data folder, so the client is cached on globalThis: Next's dev server
// re-evaluates modules on every edit and would otherwise start a second engine.

const globalForDb = globalThis as unknown as { learningPathDb?: PrismaClient };

/** A client for the database the settings name (exported for tests). */
export function createClient(
  settings: Pick<Env, "DATABASE_URL" | "DATA_DIR" | "PGLITE_DATA_DIR" | "VERCEL"> = env,
): PrismaClient {
  if (settings.DATABASE_URL) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: settings.DATABASE_URL }) });
  }
  // Each serverless instance would get its own empty folder: accounts and quotas lost.
  if (settings.VERCEL)
    throw new Error("DATABASE_URL must be set on Vercel (the embedded database cannot be shared)");
  // Resolved at run time against the working folder; not a file to bundle.
  const dataDir = settings.PGLITE_DATA_DIR
    ? path.resolve(/*turbopackIgnore: true*/ settings.PGLITE_DATA_DIR)
    : localDataPath("pglite", settings);
  return new PrismaClient({ adapter: startEmbeddedDatabase(dataDir).adapter });
}

export function getDb(): PrismaClient {
  globalForDb.learningPathDb ??= createClient();
  return globalForDb.learningPathDb;
}
