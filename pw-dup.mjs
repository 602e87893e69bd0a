import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
const db = await PGlite.create();
const server = new PGLiteSocketServer({ db, port: 0, maxConnections: 1, debug: false });
await server.start();
const [host, port] = server.getServerConn().split(":");
const c = new pg.Client({ host, port: Number(port), user: "postgres" });
c.on("error", (e) => console.log("client error", e.message));
await c.connect();
await c.query("create table t (id int primary key)");
await c.query("insert into t values ($1)", [1]);
try { await c.query("insert into t values ($1)", [1]); } catch (e) { console.log("dup err:", e.code, e.message); }
try { console.log(await c.query("select count(*) from t where id = $1", [1]).then(r => r.rows)); } catch (e) { console.log("after:", e.message); }
await c.query("BEGIN");
try { await c.query("insert into t values ($1)", [1]); } catch (e) { console.log("dup in tx:", e.code); }
try { await c.query("ROLLBACK"); console.log("rolled back"); } catch (e) { console.log("rb:", e.message); }
console.log(await c.query("select 1 as one").then(r => r.rows));
process.exit(0);
