// `output: "standalone"` leaves the browser assets out of .next/standalone (a CDN may
// serve them); copying them in makes the folder a complete server:
//   node .next/standalone/server.js
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
  console.log("standalone server ready: node .next/standalone/server.js");
}
