import { defineConfig, devices } from "@playwright/test";
import { sharedDatabaseServerEnv, sharedDatabaseUrl } from "./e2e/support/shared-database";
import { chromiumLaunchOptions } from "./test/support/chromium";

// Browser tests run against the production build (`npm run build` first) in a real
// Chromium. Three production app servers: one talking to the fake OpenAI server (limits
// raised so the suite is not counted against them), one in offline mode, and one with
// the default quotas for e2e/quota.spec.ts; one development server; and one behind nginx
// for the proxy test.

const FAKE_OPENAI_PORT = 4010;
const AI_APP_URL = "http://127.0.0.1:3100";

const fakeModel = {
  OPENAI_API_KEY: "e2e-test-key",
  OPENAI_BASE_URL: `http://127.0.0.1:${FAKE_OPENAI_PORT}/v1`,
  OPENAI_MODEL: "fake-model",
};

// Production servers start with the README's own run command (`npm start`: migrations,
// then the standalone server); the development server with `next dev`.
const appServer = (
  port: number,
  env: { PGLITE_DATA_DIR: string } & Record<string, string>,
  mode: "start" | "dev" = "start",
) => ({
  // A fresh database per run keeps runs independent (e.g. of sign-in throttling).
  command:
    mode === "start"
      ? `rm -rf ${env.PGLITE_DATA_DIR} && npm start`
      : `rm -rf ${env.PGLITE_DATA_DIR} && node scripts/migrate.mjs && npx next dev -H 127.0.0.1 -p ${port}`,
  url: `http://127.0.0.1:${port}/result`,
  reuseExistingServer: false,
  // Five servers migrate and start at once; on a busy two-core machine that is slow.
  timeout: 240_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: {
    NEXT_TELEMETRY_DISABLED: "1",
    OPENAI_API_KEY: "",
    PORT: String(port),
    HOST: "127.0.0.1",
    ...env,
  },
});

// Two production servers sharing one PostgreSQL database, for
// e2e/resume-across-instances.spec.ts: a job started on one is resumed through the other.
const sharedPostgres = sharedDatabaseUrl();
const postgresServer = (port: number, databaseUrl: string) => ({
  command: "node e2e/support/create-database.mjs && npm start",
  url: `http://127.0.0.1:${port}/result`,
  reuseExistingServer: false,
  timeout: 240_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: sharedDatabaseServerEnv(port, databaseUrl),
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  // The fake OpenAI server's scenario is shared, so tests that set it run one at a time.
  workers: 1,
  retries: 0,
  // Sized for a busy two-core machine; waits inside tests are for events, not time.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Installs Playwright's own Chromium on a laptop that has no system Chromium.
  globalSetup: "./e2e/support/global-setup.ts",
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: AI_APP_URL,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "npx tsx test/fake-openai/cli.ts",
      url: `http://127.0.0.1:${FAKE_OPENAI_PORT}/__requests`,
      reuseExistingServer: false,
      env: { FAKE_OPENAI_PORT: String(FAKE_OPENAI_PORT) },
    },
    appServer(3100, {
      ...fakeModel,
      PGLITE_DATA_DIR: ".data/e2e-ai",
      RATE_LIMIT_GUEST_PER_DAY: "1000",
      RATE_LIMIT_USER_PER_DAY: "1000",
      RATE_LIMIT_CONCURRENT: "100",
    }),
    // Also the server with GitHub and Google sign-in configured (e2e/oauth-buttons.spec.ts).
    appServer(3101, {
      PGLITE_DATA_DIR: ".data/e2e-offline",
      AUTH_GITHUB_ID: "e2e-github-id",
      AUTH_GITHUB_SECRET: "e2e-github-secret",
      AUTH_GOOGLE_ID: "e2e-google-id",
      AUTH_GOOGLE_SECRET: "e2e-google-secret",
    }),
    appServer(3102, { ...fakeModel, PGLITE_DATA_DIR: ".data/e2e-quota" }),
    // The development server (next dev keeps its build in .next/dev, apart from the
    // production build), for e2e/dev-server.spec.ts.
    appServer(3103, { ...fakeModel, PGLITE_DATA_DIR: ".data/e2e-dev" }, "dev"),
    // The same production server with TRUST_PROXY, which e2e/proxy.spec.ts puts behind
    // nginx, as the README's self-hosting section describes.
    appServer(3104, {
      ...fakeModel,
      PGLITE_DATA_DIR: ".data/e2e-proxied",
      TRUST_PROXY: "1",
      RATE_LIMIT_GUEST_PER_DAY: "1000",
      RATE_LIMIT_CONCURRENT: "100",
    }),
    ...(sharedPostgres
      ? [postgresServer(3105, sharedPostgres), postgresServer(3106, sharedPostgres)]
      : []),
  ],
});
