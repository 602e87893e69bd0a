import { after } from "next/server";

/**
 * Keeps a serverless function alive until `work` settles, after its response has been
 * sent (a generation job outlives the connection that started it). Outside a request
 * (tests, scripts) there is nothing to keep alive: the process runs on anyway.
 */
export function keepRunning(work: Promise<unknown>): void {
  try {
    after(work);
  } catch {
    // Not inside a Next.js request scope.
  }
}
