import net from "node:net";
import { PASSWORD, uniqueEmail } from "./support/accounts";
import { expect, test } from "./support/test";

// Pages take GET, and POST only for the auth forms' server actions (proxy.ts with
// lib/http/page-post.ts). Anything else gets a 4xx before the page runs, and Next keeps
// at most PAGE_BODY_LIMIT_BYTES of a page request's body (next.config.ts), not 10 MB.

const APP = new URL("http://127.0.0.1:3100");
const form = (body: string) => ({
  headers: { "content-type": "multipart/form-data; boundary=xyz" },
  data: Buffer.from(body),
});

test("a malformed form posted to a page is a 400, not a 500", async ({ request }) => {
  const cutShort = await request.post(
    "/",
    form('--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nbroken'),
  );
  expect(cutShort.status()).toBe(400);
  expect((await cutShort.json()).code).toBe("malformed_form");
  const noBoundary = await request.post("/sign-in", {
    headers: { "content-type": "multipart/form-data" },
    data: Buffer.from("abc"),
  });
  expect(noBoundary.status()).toBe(400);
});

test("another site's server action is a 403, with JavaScript or as a plain form", async ({
  request,
}) => {
  const origin = "https://evil.example";
  const fetchAction = await request.post("/sign-in", {
    headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain" },
    data: "[]",
  });
  expect(fetchAction.status()).toBe(403);
  expect((await fetchAction.json()).code).toBe("cross_site");
  const plainForm = await request.post("/sign-in", {
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    data: "email=a%40b.test&password=x",
  });
  expect(plainForm.status()).toBe(403);
});

test("a POST to a page that is no server action is a 405", async ({ request }) => {
  const response = await request.post("/", {
    headers: { "content-type": "text/plain" },
    data: "hello",
  });
  expect(response.status()).toBe(405);
  expect(response.headers().allow).toBe("GET, HEAD");
  // Claiming to be a router prefetch does not get a body past the check.
  const prefetch = await request.post("/", {
    headers: { "content-type": "text/plain", "next-router-prefetch": "1" },
    data: "hello",
  });
  expect(prefetch.status()).toBe(405);
});

/**
 * Sends a request's head and the first `sendBytes` of its body, then waits for the
 * status line without sending the rest: an answer proves the server decided without
 * holding the whole body.
 */
function statusBeforeBodyEnds(head: string, sendBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(APP.port), APP.hostname);
    socket.on("error", reject);
    socket.once("data", (data) => {
      socket.destroy();
      resolve(Number(data.toString("latin1").split(" ")[1]));
    });
    socket.on("connect", () => {
      socket.write(head);
      socket.write(Buffer.alloc(sendBytes, "a"));
    });
  });
}

test("a page answers a body over its limit without waiting for the rest of it", async () => {
  const head = (framing: string) =>
    `POST / HTTP/1.1\r\nHost: ${APP.host}\r\nContent-Type: multipart/form-data; boundary=xyz\r\n${framing}\r\n\r\n`;
  // Declared 10 MB: refused from the headers alone.
  expect(await statusBeforeBodyEnds(head(`Content-Length: ${10 * 1024 * 1024}`), 1024)).toBe(413);
  // Undeclared (chunked): Next stops copying the body at the limit and the cut form is
  // refused; 256 KB of a body that never ends is enough for an answer.
  const chunk = 64 * 1024;
  const chunked = `${chunk.toString(16)}\r\n${"a".repeat(chunk)}\r\n`.repeat(4);
  expect(await statusBeforeBodyEnds(head("Transfer-Encoding: chunked") + chunked, 0)).toBe(400);
  // The server is fine afterwards.
  expect((await fetch(`${APP.origin}/result`)).status).toBe(200);
});

test("sign-up and sign-in forms still work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: APP.origin });
  const page = await context.newPage();
  const email = uniqueEmail("no-js");
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/paths");
  await expect(page.getByTestId("signed-in")).toContainText(email);
  await context.close();
});
