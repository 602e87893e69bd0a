import { afterEach, describe, expect, it, vi } from "vitest";
import { BrowserApiError, CONNECTION_LOST, describeWait } from "@/lib/browser-api";
import { readApiError } from "@/lib/browser-api/error";
import { callApiForJson } from "@/lib/browser-api/request";
import { AppError, errorResponse } from "@/lib/errors";

describe("browser API error reader", () => {
  it("reads the server's error response into one typed error with its code and issues", async () => {
    const issues = [{ field: "topic", message: "Enter a topic" }];
    const error = await readApiError(errorResponse(new AppError("invalid_input", { issues })));
    expect(error).toBeInstanceOf(BrowserApiError);
    expect(error.message).toBe("Some fields need attention.");
    expect(error.code).toBe("invalid_input");
    expect(error.status).toBe(400);
    expect(error.issues).toEqual(issues);
    expect(error.answeredByServer).toBe(true);
  });

  it("adds the wait a quota refusal asks for to its message", async () => {
    const error = await readApiError(
      errorResponse(new AppError("daily_limit", { retryAfterSeconds: 3 * 3600 })),
    );
    expect(error.message).toBe(
      "You have used all of today's generations. Try again in about 3 hours.",
    );
    expect(error.retryAfterSeconds).toBe(3 * 3600);
  });

  it("reads a body that is not the server's error shape as a lost connection", async () => {
    const error = await readApiError(new Response("<h1>Bad gateway</h1>", { status: 502 }));
    expect(error.message).toBe(CONNECTION_LOST);
    expect(error.code).toBe("network");
    expect(error.status).toBe(502);
  });
});

describe("browser API calls", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("turns a fetch that fails before any answer into a lost connection", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    const failure = await callApiForJson("/api/paths", { method: "POST" }).catch((e) => e);
    expect(failure).toBeInstanceOf(BrowserApiError);
    expect(failure).toMatchObject({ code: "network", status: null, message: CONNECTION_LOST });
  });

  it("shows every answer to onResponse, then rejects a non-OK one with the server's message", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(errorResponse(new AppError("not_found"))));
    const statuses: number[] = [];
    const failure = await callApiForJson("/api/paths/x", {
      method: "DELETE",
      onResponse: (response) => statuses.push(response.status),
    }).catch((e) => e);
    expect(statuses).toEqual([404]);
    expect(failure).toMatchObject({ code: "not_found", status: 404, message: "Not found." });
  });
});

describe("describeWait", () => {
  it("says a Retry-After in words a person would use", () => {
    expect(describeWait(30)).toBe("a minute");
    expect(describeWait(600)).toBe("about 10 minutes");
    expect(describeWait(3600)).toBe("about 60 minutes");
    expect(describeWait(5400)).toBe("about 2 hours");
    expect(describeWait(90 * 60 + 1)).toBe("about 2 hours");
  });
});
