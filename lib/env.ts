import "server-only";
import path from "node:path";
import { z } from "zod";

// The only module that reads process.env. Empty strings count as unset, so a copied
// .env.example with blank values behaves like no .env at all.

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(z.url()),
  OPENAI_MODEL: optional(z.string()),
  OPENAI_IDLE_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(280_000)),
  /** The request field for the token limit; default: by OPENAI_BASE_URL (see README). */
  OPENAI_TOKEN_LIMIT_FIELD: optional(z.enum(["max_tokens", "max_completion_tokens"])),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")),
  /** Where a local run keeps what it makes: the embedded database and the auth secret. */
  DATA_DIR: optional(z.string()),
  PGLITE_DATA_DIR: optional(z.string()),
  AUTH_SECRET: optional(z.string().min(16)),
  /** The public address sign-in redirects name; without it they follow a trusted proxy. */
  AUTH_URL: optional(z.url()),
  AUTH_GITHUB_ID: optional(z.string()),
  AUTH_GITHUB_SECRET: optional(z.string()),
  AUTH_GOOGLE_ID: optional(z.string()),
  AUTH_GOOGLE_SECRET: optional(z.string()),
  RATE_LIMIT_GUEST_PER_DAY: optional(z.coerce.number().int().min(0)).default(5),
  RATE_LIMIT_USER_PER_DAY: optional(z.coerce.number().int().min(0)).default(30),
  RATE_LIMIT_CONCURRENT: optional(z.coerce.number().int().min(1)).default(2),
  /** How many proxies of ours stand in front of the app: "true" means one. */
  TRUST_PROXY: optional(
    z.union([
      z.enum(["true", "false"]).transform((value) => (value === "true" ? 1 : 0)),
      z.coerce.number().int().min(0).max(10),
    ]),
  ).default(0),
  /** The address the standalone server listens on (npm start sets it from HOST). */
  HOSTNAME: optional(z.string()),
  /** Set by Vercel on its builds and functions. */
  VERCEL: optional(z.string()),
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
});

export type Env = z.infer<typeof envSchema>;

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
/** Well inside a generation's longest run (MAX_GENERATION_SECONDS), so the user gets a clean timeout error. */
export const DEFAULT_OPENAI_IDLE_TIMEOUT_MS = 45_000;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();

/**
 * A file or folder of the local data folder, absolute. `npm start` passes DATA_DIR as an
 * absolute path because the standalone server runs from its own folder.
 */
export function localDataPath(name: string, settings: Pick<Env, "DATA_DIR"> = env): string {
  return path.resolve(/*turbopackIgnore: true*/ settings.DATA_DIR ?? ".data", name);
}
