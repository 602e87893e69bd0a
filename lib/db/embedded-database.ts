import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PrismaPg } from "@prisma/adapter-pg";

// PGlite runs in a worker thread (lib/db/embedded-database-worker.mjs) and speaks the
// Postgres wire protocol on a Unix socket, so the app reaches both engines through the
// same driver adapter (@prisma/adapter-pg) and the WebAssembly engine's CPU leaves the
// request thread. A worker thread, not a child process: it ends with the server's
// process, so it can never outlive it.

/** pg connects to `<host>/.s.PGSQL.<port>` when the host is a folder. */
const SOCKET_PORT = 5432;
/** How long an exiting process waits for the engine to close its data folder. */
const CLOSE_WAIT_MS = 5_000;
/** A query that gets no answer in this long fails instead of holding its request forever. */
const QUERY_TIMEOUT_MS = 60_000;

/** The embedded engine's thread and the adapter that reaches it (exported for tests). */
export interface EmbeddedDatabase {
  adapter: PrismaPg;
  worker: Worker;
}

/** Starts PGlite on its own thread over the (migrated) data folder. */
export function startEmbeddedDatabase(dataDir: string): EmbeddedDatabase {
  const socketDir = mkdtempSync(path.join(tmpdir(), "learning-path-db-"));
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
  // Set to 1 by the worker once it has closed the data folder (see the exit below).
  const closed = new SharedArrayBuffer(4);
  // Resolved at run time against the working folder (the standalone server's own folder
  // in production, which the build's file tracing fills); not a module to bundle.
  const worker = new Worker(
    path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "db", "embedded-database-worker.mjs"),
    { workerData: { dataDir, socketPath, closed } },
  );
  // The server's process decides when to exit; the worker ends with it.
  worker.unref();
  let running = true;
  worker.once("exit", () => {
    running = false;
  });
  const ready = whenListening(worker);
  // Exiting ends the worker wherever it is, even inside a commit, and PGlite's data folder
  // may not open again after that: the exit waits (blocking; nothing else may run now)
  // until the engine has finished its query and closed the folder.
  process.once("exit", () => {
    if (running) {
      worker.postMessage("close");
      Atomics.wait(new Int32Array(closed), 0, 0, CLOSE_WAIT_MS);
    }
    rmSync(socketDir, { recursive: true, force: true });
  });
  const adapter = new EmbeddedPrismaPg(ready, {
    host: socketDir,
    port: SOCKET_PORT,
    user: "postgres",
    database: "postgres",
    // The socket serves one connection (see the worker): queries queue here, in the pool,
    // and an interactive transaction holds the connection until it ends. Never more than
    // one: the socket server would interleave two connections' messages on PGlite's one
    // session.
    max: 1,
    // pglite-socket 0.2.17 stops serving its queue for good after an engine exception;
    // queries then fail after this long instead of hanging their requests.
    query_timeout: QUERY_TIMEOUT_MS,
    // An idle connection must not keep a test run or a script from exiting.
    allowExitOnIdle: true,
  });
  return { adapter, worker };
}

/** Resolves once the worker listens; rejects with the reason if it fails or stops first. */
function whenListening(worker: Worker): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", (error) =>
      reject(new Error("The embedded database failed to start", { cause: error })),
    );
    worker.once("exit", (code) =>
      reject(new Error(`The embedded database stopped before it was ready (exit code ${code})`)),
    );
  });
  // After start-up a stop is still worth a line in the log: every query will now fail.
  ready.then(
    () => {
      worker.once("error", (error) => console.error("The embedded database crashed:", error));
      worker.once("exit", (code) =>
        console.error(`The embedded database stopped (exit code ${code}); queries will fail.`),
      );
    },
    () => {},
  );
  return ready;
}

/** @prisma/adapter-pg that connects once the worker's socket exists. */
class EmbeddedPrismaPg extends PrismaPg {
  constructor(
    private readonly ready: Promise<void>,
    config: ConstructorParameters<typeof PrismaPg>[0],
  ) {
    super(config);
  }

  override async connect() {
    await this.ready;
    return super.connect();
  }
}
