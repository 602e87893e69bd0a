// Run by test/api/embedded-database.test.ts in a process of its own: starts the embedded
// database on the folder it is given, starts a write that takes half a second, and exits
// the process 100 ms into it, the way a stopped server exits in the middle of a request.
import { startEmbeddedDatabase } from "@/lib/db/embedded-database";
import { PrismaClient } from "@/lib/db/generated/client";

const [dataDir = ""] = process.argv.slice(2);
const client = new PrismaClient({ adapter: startEmbeddedDatabase(dataDir).adapter });
await client.$queryRaw`SELECT 1`;
client.$executeRaw`
  INSERT INTO "GenerationTicket" ("id", "subject", "startedAt")
  SELECT 'written-at-exit', 'exit', now() FROM pg_sleep(0.5)`.catch(() => {});
setTimeout(() => process.exit(0), 100);
