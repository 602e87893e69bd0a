// Creates the PostgreSQL database named by DATABASE_URL if it does not exist yet, so
// the two app servers of e2e/resume-across-instances.spec.ts can share a fresh one.
import pg from "pg";

const url = new URL(process.env.DATABASE_URL);
const name = url.pathname.slice(1);
url.pathname = "/postgres";
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
try {
  await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
} catch (error) {
  // The other server created it first.
  if (error.code !== "42P04") throw error;
} finally {
  await client.end();
}
