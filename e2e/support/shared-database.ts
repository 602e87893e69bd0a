// The production servers of e2e/resume-across-instances.spec.ts share one fresh
// PostgreSQL database (CI starts the server; see .ci/run): two started by
// playwright.config.ts, and one the spec starts and kills itself.

const FAKE_OPENAI_URL = "http://127.0.0.1:4010/v1";

/**
 * The shared database's URL, or undefined without PostgreSQL. Playwright loads its
 * config again in every worker, so the name is made once and handed down in the
 * environment: every loader sees the same database.
 */
export function sharedDatabaseUrl(): string | undefined {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return undefined;
  if (!process.env.E2E_SHARED_DATABASE_URL) {
    const url = new URL(base);
    url.pathname = `/learning_path_e2e_${Date.now()}`;
    process.env.E2E_SHARED_DATABASE_URL = url.toString();
  }
  return process.env.E2E_SHARED_DATABASE_URL;
}

/** The environment of one `npm start` server on the shared database. */
export function sharedDatabaseServerEnv(port: number, databaseUrl: string) {
  return {
    OPENAI_API_KEY: "e2e-test-key",
    OPENAI_BASE_URL: FAKE_OPENAI_URL,
    OPENAI_MODEL: "fake-model",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "e2e-shared-secret-of-both-instances",
    RATE_LIMIT_GUEST_PER_DAY: "1000",
    RATE_LIMIT_CONCURRENT: "100",
  };
}
