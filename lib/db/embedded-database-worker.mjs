// The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) behind
// the Postgres wire protocol on a Unix socket, so its query work runs beside the server's
// request thread instead of on it (docs/PERFORMANCE.md, Performance II). Started by
// lib/db/embedded-database.ts; plain JavaScript outside Next's bundle, loaded by path.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath } = workerData;
const db = await PGlite.create(dataDir);
// One connection: PGlite is a single PostgreSQL backend, so two clients would share its
// session state (unnamed prepared statement, open transaction) message by message. The
// app's pool holds the one connection; a second one is refused, never interleaved.
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
await server.start();
parentPort?.postMessage({ listening: socketPath });
