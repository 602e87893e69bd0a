import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

// The order every API handler checks in: origin, then input, then session, then its work;
// each step runs only when the ones before it passed, and every failure is a JSON error.

function tracedRoute() {
  const steps: string[] = [];
  const handler = apiRoute(
    {
      input: async (request) => {
        steps.push("input");
        const body = await request.text();
        if (body === "bad") throw new AppError("invalid_input");
        return body;
      },
      userId: async (request) => {
        steps.push("session");
        if (!request.headers.get("cookie")) throw new AppError("unauthenticated");
        return "user-1";
      },
    },
    async ({ input, userId }, context: { params: Promise<{ id: string }> }) => {
      steps.push("work");
      return Response.json({ input, userId, id: (await context.params).id });
    },
  );
  return { steps, handler };
}

const send = (
  handler: ReturnType<typeof tracedRoute>["handler"],
  init: { method?: string; body?: string; headers?: Record<string, string> },
) =>
  handler(
    new Request("http://localhost/api/things/7", {
      method: init.method ?? "POST",
      headers: { host: "localhost", ...init.headers },
      body: init.body,
    }),
    { params: Promise.resolve({ id: "7" }) },
  );

describe("apiRoute", () => {
  it("runs input, session and work in that order and hands each result on", async () => {
    const { steps, handler } = tracedRoute();
    const response = await send(handler, { body: "hello", headers: { cookie: "c" } });
    expect(await response.json()).toEqual({ input: "hello", userId: "user-1", id: "7" });
    expect(steps).toEqual(["input", "session", "work"]);
  });

  it.each(["POST", "PATCH", "DELETE", "PUT"])(
    "refuses a cross-site %s with 403 before reading anything",
    async (method) => {
      const { steps, handler } = tracedRoute();
      const response = await send(handler, {
        method,
        body: "bad",
        headers: { cookie: "c", origin: "https://evil.example" },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "cross_site" });
      expect(steps).toEqual([]);
    },
  );

  it("lets another site's page GET (a download link changes nothing)", async () => {
    const { steps, handler } = tracedRoute();
    const response = await send(handler, {
      method: "GET",
      headers: { cookie: "c", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(200);
    expect(steps).toEqual(["input", "session", "work"]);
  });

  it("answers a bad input with 400 before asking for a session", async () => {
    const { steps, handler } = tracedRoute();
    const response = await send(handler, { body: "bad" });
    expect(response.status).toBe(400);
    expect(steps).toEqual(["input"]);
  });

  it("answers 401 without a session, before any work", async () => {
    const { steps, handler } = tracedRoute();
    const response = await send(handler, { body: "hello" });
    expect(response.status).toBe(401);
    expect(steps).toEqual(["input", "session"]);
  });

  it("maps an unexpected failure in the work to a 500 that keeps the detail to itself", async () => {
    const handler = apiRoute({}, async () => {
      throw new Error("secret upstream detail");
    });
    const response = await handler(new Request("http://localhost/api/x", { method: "POST" }));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { code: string; error: string };
    expect(body.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});
