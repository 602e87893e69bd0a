// `npm start`: applies migrations, then serves the production build with its
// self-contained server (.next/standalone/server.js, made by `npm run build`).
//
// Why not `next start`: with `output: "standalone"` it warns on every start that it
// should not be used. server.js changes into its own folder and reads no .env files
// there, so this script reads .env / .env.local the way Next does and hands the server
// its data folders as absolute paths: the same folders migrate.mjs used.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nextEnv from "@next/env";
import { listenAddress } from "./listen-address.mjs";

const root = path.resolve(import.meta.dirname, "..");
nextEnv.loadEnvConfig(root);

const server = path.join(root, ".next", "standalone", "server.js");
if (!existsSync(server)) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: path.resolve(root, process.env.DATA_DIR || ".data"),
  PORT: process.env.PORT || "3000",
  // server.js listens on HOSTNAME, which containers set to their own name: HOST decides.
  HOSTNAME: listenAddress(process.env),
};
if (process.env.PGLITE_DATA_DIR)
  env.PGLITE_DATA_DIR = path.resolve(root, process.env.PGLITE_DATA_DIR);
Object.assign(process.env, env);

// In this process, not a child: one Node start-up less before the first page, one
// process's memory less, and Node flags given to this script (--cpu-prof, --inspect)
// reach the server. server.js handles SIGINT and SIGTERM itself.
await import(pathToFileURL(server).href);
