import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// nginx in front of the app, as a self-hosted deployment would have it: gzip on and
// proxy buffering left at its defaults (on). Used by the proxy browser test and the
// benchmarks. Everything it writes lives in a temporary folder; it listens on loopback.

/** Debian's nginx (apt package `nginx`), or NGINX_PATH. */
export function findNginx(): string | undefined {
  return [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/bin/nginx"].find(
    (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
  );
}

export type RunningNginx = { url: string; process: ChildProcess; stop(): Promise<void> };

export async function startNginx(options: {
  port: number;
  upstreamPort: number;
  /** Types gzip compresses besides text/html; e.g. text/event-stream for the worst case. */
  gzipTypes?: string[];
}): Promise<RunningNginx> {
  const nginx = findNginx();
  if (!nginx) throw new Error("nginx is not installed (apt-get install nginx, or set NGINX_PATH)");
  await assertPortFree(options.port);
  // Every answer of this nginx carries this token, so a server already on the port
  // (another run's nginx, say) is never mistaken for it.
  const token = randomUUID();
  const dir = mkdtempSync(path.join(tmpdir(), "learning-path-nginx-"));
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub));
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  gzip on;
  ${options.gzipTypes?.length ? `gzip_types ${options.gzipTypes.join(" ")};` : ""}
  gzip_min_length 0;
  upstream app { server 127.0.0.1:${options.upstreamPort}; keepalive 32; }
  server {
    listen 127.0.0.1:${options.port};
    add_header X-Test-Nginx ${token} always;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`,
  );
  const child = spawn(nginx, ["-c", conf, "-p", dir], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForOurNginx(`${url}/result`, child, token);
  } catch (error) {
    child.kill("SIGTERM");
    const log = existsSync(path.join(dir, "error.log"))
      ? readFileSync(path.join(dir, "error.log"), "utf8")
      : "";
    throw new Error(`nginx did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Fails at once, naming the port, when something already listens there. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) =>
      reject(new Error(`nginx cannot listen on 127.0.0.1:${port}: ${error.message}`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function waitForOurNginx(
  url: string,
  child: ChildProcess,
  token: string,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}`);
    const answer = await fetch(url).then(
      async (response) => {
        await response.arrayBuffer();
        return response;
      },
      () => undefined, // not listening yet
    );
    if (answer && answer.headers.get("x-test-nginx") !== token) {
      throw new Error(`another server answers at ${url}`);
    }
    if (answer && answer.status < 500) return;
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
