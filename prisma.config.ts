import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The Prisma 6 CLI downloads native engines before every command unless these point at
// an existing file. With the JavaScript engine and a driver adapter the native engines
// are never run, so any existing file satisfies the check and keeps it offline.
for (const variable of ["PRISMA_SCHEMA_ENGINE_BINARY", "PRISMA_QUERY_ENGINE_LIBRARY"]) {
  process.env[variable] ??= path.resolve("package.json");
}
process.env.DATABASE_URL ??= "postgresql://unused-with-driver-adapter";

// The app's default (lib/env.ts): <DATA_DIR>/pglite unless PGLITE_DATA_DIR names one.
const dataDir = process.env.PGLITE_DATA_DIR
  ? path.resolve(process.env.PGLITE_DATA_DIR)
  : path.resolve(process.env.DATA_DIR || ".data", "pglite");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  // The CLI reaches the embedded folder the way the app does: the Postgres wire protocol
  // through @prisma/adapter-pg (here the socket server runs in the CLI's own process).
  // The app's migrations are applied by scripts/migrate.mjs, not by the CLI.
  async adapter() {
    // PGlite does not create missing parent folders.
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
    const server = new PGLiteSocketServer({ db: await PGlite.create(dataDir), port: 0 });
    await server.start();
    const [host, port] = server.getServerConn().split(":");
    return new PrismaPg({ host, port: Number(port), user: "postgres", max: 1 });
  },
});
