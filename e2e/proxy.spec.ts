import { request as httpRequest } from "node:http";
import type { GenerationEvent } from "../lib/sse/events";
import { readGenerationStream } from "../lib/sse/read";
import { findNginx, type RunningNginx, startNginx } from "../test/support/nginx";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { expect, test } from "./support/test";

// The standalone production server (output: "standalone", as self-hosted) behind nginx
// with gzip on (even for text/event-stream, the worst case) and proxy buffering at its
// defaults. The app's X-Accel-Buffering: no header must
// make nginx pass each frame on as it is written, not all at the end.

const NGINX_PORT = 3180;
const APP_PORT = 3104;
let nginx: RunningNginx;

// Skipped only on a laptop without nginx; CI installs it (.ci/run), and there a missing
// nginx fails the test instead of hiding it.
test.skip(
  !findNginx() && !process.env.CI,
  "nginx is not installed (CI installs it; locally: apt-get install nginx)",
);

test.beforeAll(async () => {
  nginx = await startNginx({
    port: NGINX_PORT,
    upstreamPort: APP_PORT,
    gzipTypes: ["text/event-stream", "application/json"],
  });
});
test.afterAll(async () => {
  await nginx?.stop();
});
test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

const now = () => performance.timeOrigin + performance.now();

test("frames pass through nginx one by one, as the model writes them", async () => {
  // About 2 s of answer, each milestone finishing a few hundred milliseconds apart.
  await fakeOpenAi.setScenario({ delayMs: 50, chunkSize: 16 });
  const response = await fetch(`${nginx.url}/api/generate/stream`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-encoding": "gzip" },
    body: JSON.stringify({
      topic: "Kubernetes",
      level: "beginner",
      learningStyle: "visual",
      durationWeeks: 8,
      hoursPerWeek: 4,
      goals: [],
    }),
  });
  expect(response.status).toBe(200);
  // nginx really compressed the stream: the test covers gzip, not a bypass of it.
  expect(response.headers.get("content-encoding")).toBe("gzip");

  const milestoneArrivals: number[] = [];
  let doneAt = 0;
  await readGenerationStream(
    response.body as ReadableStream<Uint8Array>,
    (event: GenerationEvent) => {
      if (event.type === "progress" && event.milestone) milestoneArrivals.push(now());
      if (event.type === "done") doneAt = now();
    },
  );
  expect(doneAt).toBeGreaterThan(0);

  const sent = (await fakeOpenAi.requests()).find(
    (call) => call.kind === "curriculum",
  )?.milestoneSentAt;
  expect(sent?.length).toBeGreaterThanOrEqual(3);
  expect(milestoneArrivals).toHaveLength(sent?.length ?? 0);
  // Each milestone reached the client soon after the model finished writing it...
  milestoneArrivals.forEach((arrived, index) => {
    expect(arrived - (sent?.[index] ?? 0)).toBeLessThan(250);
  });
  // ...and long before the stream ended: nothing was held back until the end.
  expect(doneAt - (milestoneArrivals[0] ?? doneAt)).toBeGreaterThan(1_000);
});

test("a browser generates through nginx and sees milestones arrive while it works", async ({
  page,
}) => {
  await fakeOpenAi.setScenario({ delayMs: 40, chunkSize: 12 });
  const home = new HomePage(page);
  await home.open(nginx.url);
  await home.fill("Docker");
  await home.generate.click();
  await expect(home.streamedMilestones.first()).toBeVisible();
  // The first milestone is on screen while the path is still being built.
  expect(await home.progress()).toBeLessThan(100);
  await page.waitForURL("**/result");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

/** GET through nginx as a browser would for `host` (fetch cannot set Host). */
function getAs(
  url: string,
  host: string,
): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(url, { headers: { host } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text) => {
        body += text;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, location: response.headers.location, body }),
      );
    });
    call.on("error", reject);
    call.end();
  });
}

test("Auth.js names the public host name behind nginx, not the server's own address", async () => {
  const publicHost = "paths.example.com";
  const providers = await getAs(`${nginx.url}/api/auth/providers`, publicHost);
  expect(providers.status).toBe(200);
  expect(JSON.parse(providers.body).credentials).toMatchObject({
    signinUrl: `http://${publicHost}/api/auth/signin/credentials`,
    callbackUrl: `http://${publicHost}/api/auth/callback/credentials`,
  });
  // Its redirects too: the sign-in endpoint sends the visitor to the app's sign-in page,
  // to come back to the public address afterwards.
  const signIn = await getAs(`${nginx.url}/api/auth/signin`, publicHost);
  expect(signIn.status).toBe(302);
  const target = new URL(signIn.location ?? "", `http://${publicHost}`);
  expect(target.pathname).toBe("/sign-in");
  expect(target.searchParams.get("callbackUrl")).toBe(`http://${publicHost}`);
});
