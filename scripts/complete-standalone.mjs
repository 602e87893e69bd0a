// `output: "standalone"` leaves the browser assets out of .next/standalone (a CDN may
// serve them); copying them in makes the folder a complete server:
//   node .next/standalone/server.js
// The embedded database's worker thread (lib/db/embedded-database-worker.mjs) is loaded
// by path at run time, so Next's file tracing cannot see it or what it imports: the file
// and its two packages are copied in too.
import { cpSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next", "standalone");
if (existsSync(standalone)) {
  cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), {
    recursive: true,
  });
  const publicDir = path.join(root, "public");
  if (existsSync(publicDir))
    cpSync(publicDir, path.join(standalone, "public"), { recursive: true });
  const worker = path.join("lib", "db", "embedded-database-worker.mjs");
  cpSync(path.join(root, worker), path.join(standalone, worker));
  for (const name of ["pglite", "pglite-socket"]) {
    const packageDir = path.join("node_modules", "@electric-sql", name);
    for (const part of ["package.json", "dist"]) {
      cpSync(path.join(root, packageDir, part), path.join(standalone, packageDir, part), {
        recursive: true,
      });
    }
  }
  console.log("standalone server ready: node .next/standalone/server.js");
}
