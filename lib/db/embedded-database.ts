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

/** The embedded engine's thread and the adapter that reaches it (exported for tests). */
export interface EmbeddedDatabase {
  adapter: PrismaPg;
  worker: Worker;
}

/** Starts PGlite on its own thread over the (migrated) data folder. */
export function startEmbeddedDatabase(dataDir: string): EmbeddedDatabase {
  const socketDir = mkdtempSync(path.join(tmpdir(), "learning-path-db-"));
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
  // Resolved at run time against the working folder (the standalone server's own folder
  // in production, which the build's file tracing fills); not a module to bundle.
  const worker = new Worker(
    path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "db", "embedded-database-worker.mjs"),
    { workerData: { dataDir, socketPath } },
  );
  // The server's process decides when to exit; the worker ends with it.
  worker.unref();
  const ready = whenListening(worker);
  process.once("exit", () => rmSync(socketDir, { recursive: true, force: true }));
  const adapter = new EmbeddedPrismaPg(ready, {
    host: socketDir,
    port: SOCKET_PORT,
    user: "postgres",
    database: "postgres",
    // The socket serves one connection (see the worker): queries queue here, in the pool,
    // and an interactive transaction holds the connection until it ends.
    max: 1,
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
