import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
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
  async adapter() {
    // PGlite does not create missing parent folders.
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
    return new PrismaPGlite(new PGlite(dataDir));
  },
});
