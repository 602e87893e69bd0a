import { request as httpRequest } from "node:http";
import { signUp, uniqueEmail } from "./support/accounts";
import { expect, test } from "./support/test";

// Pages take GET, and POST only for the auth forms' server actions (proxy.ts with
// lib/http/page-post.ts). Anything else gets a 4xx before the page runs, and Next keeps
// at most PAGE_BODY_LIMIT_BYTES of a page request's body (next.config.ts), not 10 MB:
// held open, 60 uploads of 10 MB to `/` no longer raise the server's memory by ~600 MB.

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

/** A well-formed multipart form of about `bytes` bytes, one text field. */
function bigForm(bytes: number): Buffer {
  return Buffer.from(
    `--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\n${"a".repeat(bytes)}\r\n--xyz--\r\n`,
  );
}

/** POSTs `body` to a page in chunks, without Content-Length, as a streaming client can. */
function postChunked(body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      `${APP.origin}/`,
      { method: "POST", headers: { "content-type": "multipart/form-data; boundary=xyz" } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (part) => {
          text += part;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    call.on("error", reject);
    for (let at = 0; at < body.length; at += 16 * 1024)
      call.write(body.subarray(at, at + 16 * 1024));
    call.end();
  });
}

test("a page keeps at most 32 KB of a body: more is refused, declared or not", async ({
  request,
}) => {
  // Declared too large: refused from the headers.
  const declared = await request.post("/", form(bigForm(10 * 1024 * 1024).toString()));
  expect(declared.status()).toBe(413);
  // Not declared: Next copies only the first 32 KB for proxy.ts, so a well-formed 100 KB
  // form arrives cut short and is refused. (With Next's default of 10 MB it would parse,
  // and the page would read all of it.)
  const cut = await postChunked(bigForm(100 * 1024));
  expect(cut.status).toBe(400);
  expect(cut.text).toContain("malformed_form");
  // The same form under the limit passes proxy.ts; the page then finds it is no server
  // action (Next's own 400, not a 500).
  const small = await postChunked(bigForm(1024));
  expect(small.status).toBe(400);
  expect(small.text).not.toContain("malformed_form");
  expect((await fetch(`${APP.origin}/result`)).status).toBe(200);
});

test("sign-up and sign-in forms still work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: APP.origin });
  const page = await context.newPage();
  // The same steps as with JavaScript: the form posts itself to its server action.
  await signUp(page, uniqueEmail("no-js"));
  await context.close();
});
