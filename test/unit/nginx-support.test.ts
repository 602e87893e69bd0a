import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { findNginx, startNginx } from "../support/nginx";

// The proxy browser test and the benchmarks start nginx with test/support/nginx.ts. It
// must fail loudly when nginx cannot start, not go on against whatever answers the port.

/** A web server that answers every request with 200, as another run's nginx would. */
const listening = (): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer((_request, response) => response.end("not our nginx"));
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
const portOf = (server: Server) => (server.address() as { port: number }).port;

describe("starting nginx for tests", () => {
  const previousPath = process.env.NGINX_PATH;
  afterEach(() => {
    if (previousPath === undefined) delete process.env.NGINX_PATH;
    else process.env.NGINX_PATH = previousPath;
  });

  it("fails naming the port when something already listens there", async () => {
    // Any executable stands in for nginx: the port is checked before it is started.
    process.env.NGINX_PATH = findNginx() ?? process.execPath;
    const other = await listening();
    try {
      await expect(startNginx({ port: portOf(other), upstreamPort: 9 })).rejects.toThrow(
        `nginx cannot listen on 127.0.0.1:${portOf(other)}`,
      );
    } finally {
      other.close();
    }
  });

  it("fails when nginx exits instead of serving", async () => {
    process.env.NGINX_PATH = "/bin/false";
    const free = await listening();
    const port = portOf(free);
    await new Promise((resolve) => free.close(resolve));
    await expect(startNginx({ port, upstreamPort: 9 })).rejects.toThrow(
      /nginx did not start: nginx exited with code 1/,
    );
  });
});
