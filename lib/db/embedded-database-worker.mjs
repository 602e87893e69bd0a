// The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) behind
// the Postgres wire protocol on a Unix socket, so its query work runs beside the server's
// request thread instead of on it (docs/PERFORMANCE.md, Performance II). Started by
// lib/db/embedded-database.ts; plain JavaScript outside Next's bundle, loaded by path.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath, closed } = workerData;
const db = await PGlite.create(dataDir);
// PGlite is a single PostgreSQL backend: two clients querying at once would share its
// session state (unnamed prepared statement, open transaction) message by message, so
// the app's pool opens one connection at a time (lib/db/embedded-database.ts). The limit
// here is above one because the pool drops a connection after some query errors and
// opens the next at once, before this server has seen the old one close; a limit of one
// refused that next connection ("write EPIPE" in the app).
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
await server.start();
parentPort?.postMessage({ listening: socketPath });

// The server's process is exiting (lib/db/embedded-database.ts waits for this): the
// query under way finishes, then PGlite closes its data folder cleanly, then the flag
// tells the waiting thread it may go on exiting.
parentPort?.on("message", async (message) => {
  if (message !== "close") return;
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  const flag = new Int32Array(closed);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
