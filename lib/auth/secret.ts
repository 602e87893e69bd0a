import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Env, env, localDataPath } from "@/lib/env";

/**
 * AUTH_SECRET signs session cookies. A deployment must set it. So that a fresh clone runs
 * with no .env, a local run without it gets a random secret kept in .data/auth-secret
 * (sessions survive restarts). On a serverless host (VERCEL set) each instance would make
 * its own, so there it is required.
 */
export function resolveAuthSecret(
  settings: Pick<Env, "AUTH_SECRET" | "DATA_DIR" | "VERCEL"> = env,
): string {
  if (settings.AUTH_SECRET) return settings.AUTH_SECRET;
  if (settings.VERCEL) throw new Error("AUTH_SECRET must be set in production deployments");
  const file = localDataPath("auth-secret", settings);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let appSecret: string | undefined;

/** The app's secret (AUTH_SECRET or the generated one), resolved once per process. */
export function getAppSecret(): string {
  appSecret ??= resolveAuthSecret();
  return appSecret;
}
