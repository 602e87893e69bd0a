import { createRequire, syncBuiltinESMExports } from "node:module";
import { onTestFinished, vi } from "vitest";

const timersPromises = createRequire(import.meta.url)(
  "node:timers/promises",
) as typeof import("node:timers/promises");

/**
 * Puts setTimeout on a fake clock that moves only when the test advances it, for the rest
 * of the current test. Only timeouts are faked: sockets keep their real I/O, so the fake
 * OpenAI server still answers. Model-call retries sleep with node:timers/promises, which
 * Vitest's fake timers leave alone, so its setTimeout is routed through the fake clock too.
 * Wait for events with promises meanwhile: expect.poll and vi.waitFor advance a fake
 * clock by their interval on every attempt.
 */
export function stopTheClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const real = timersPromises.setTimeout;
  timersPromises.setTimeout = (<T>(ms?: number, value?: T, options?: { signal?: AbortSignal }) =>
    new Promise<T>((resolve, reject) => {
      const signal = options?.signal;
      if (signal?.aborted) return reject(signal.reason);
      const abort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", abort);
        resolve(value as T);
      }, ms);
      signal?.addEventListener("abort", abort, { once: true });
    })) as typeof real;
  // Named imports of built-in modules see the change only after this.
  syncBuiltinESMExports();
  onTestFinished(() => {
    timersPromises.setTimeout = real;
    syncBuiltinESMExports();
    vi.useRealTimers();
  });
}
