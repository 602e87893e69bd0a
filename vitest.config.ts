import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Database tests (test/api) run twice when TEST_DATABASE_URL names a PostgreSQL server
// (CI starts one with scripts/start-test-postgres.sh): once on the embedded PGlite engine
// and once on PostgreSQL through the driver adapter production uses.
const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) {
  // CI must test both engines (.ci/run starts the server); a laptop may lack PostgreSQL.
  if (process.env.CI) throw new Error("CI must set TEST_DATABASE_URL (see .ci/run)");
  console.warn(
    "Skipping the PostgreSQL run of the database tests: to enable it, install PostgreSQL and `export TEST_DATABASE_URL=$(bash scripts/start-test-postgres.sh)`.",
  );
}

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside Next's server bundler; in tests everything is server code.
      "server-only": fileURLToPath(new URL("./test/support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    // next-auth imports "next/server" without an extension, which Node's ESM resolver
    // rejects; inlining lets Vite resolve it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    environment: "node",
    // Sized for a busy two-core machine (CI may run beside other work): a test file's
    // set-up copies a database and may start a fake model server.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Route tests generate many paths from one address; test/api/quota.test.ts sets its
    // own small limits to test them.
    env: {
      RATE_LIMIT_GUEST_PER_DAY: "10000",
      RATE_LIMIT_USER_PER_DAY: "10000",
      RATE_LIMIT_CONCURRENT: "1000",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["test/**/*.test.ts", "lib/**/*.test.ts"],
          // One migrated embedded database per run, copied by each test file.
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["test/api/**/*.test.ts"],
                env: { TEST_DATABASE_ENGINE: "postgres", TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
