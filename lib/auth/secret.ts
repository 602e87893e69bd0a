import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * AUTH_SECRET signs session cookies. A deployment must set it. So that a fresh clone runs
 * with no .env, a local run without it gets a random secret kept in .data/auth-secret
 * (sessions survive restarts). On a serverless host (VERCEL set) each instance would make
 * its own, so there it is required.
 */
export function resolveAuthSecret(configured: string | undefined): string {
  if (configured) return configured;
  if (process.env.VERCEL) throw new Error("AUTH_SECRET must be set in production deployments");
  const file = path.resolve(/*turbopackIgnore: true*/ ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let appSecret: string | undefined;

/** The app's secret (AUTH_SECRET or the generated one), resolved once per process. */
export function getAppSecret(): string {
  appSecret ??= resolveAuthSecret(env.AUTH_SECRET);
  return appSecret;
}
