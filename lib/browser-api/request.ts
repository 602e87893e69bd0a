import { connectionLost, readApiError } from "./error";

// The one place the browser calls this site's API: every call goes through here so that
// every failure becomes a BrowserApiError the same way.

type Call = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Sent as JSON when given. */
  json?: unknown;
  accept?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Lets the request finish after the page has gone (fetch's keepalive). */
  keepalive?: boolean;
  /** Sees every answer, OK or not, before it is read (the quota header rides on both). */
  onResponse?: (response: Response) => void;
};

/** Calls the API and resolves with the OK response; rejects with a BrowserApiError. */
export async function callApi(url: string, call: Call): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.json !== undefined) headers["Content-Type"] = "application/json";
  if (call.accept) headers.Accept = call.accept;
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      headers,
      body: call.json === undefined ? undefined : JSON.stringify(call.json),
      signal: call.signal,
      keepalive: call.keepalive,
    });
  } catch {
    throw connectionLost();
  }
  call.onResponse?.(response);
  if (!response.ok) throw await readApiError(response);
  return response;
}

/** Calls the API and resolves with its JSON answer. */
export async function callApiForJson<T>(url: string, call: Call): Promise<T> {
  const response = await callApi(url, call);
  try {
    return (await response.json()) as T;
  } catch {
    // Cut off mid-body, or aborted while reading.
    throw connectionLost();
  }
}
