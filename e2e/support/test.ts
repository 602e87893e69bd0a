import {
  type BrowserContext,
  test as base,
  type ConsoleMessage,
  expect,
  type Page,
} from "@playwright/test";

// Every browser test also proves the pages it visits run without errors: a test fails if
// a page logged an error on the console (a React error such as hydration mismatch #418,
// a Content-Security-Policy violation, which Chromium reports as "Refused to ...") or
// threw an uncaught exception. Pages of the test's own context are watched; pages from
// contexts a test opens itself are watched with `watchPages`.

let seen: string[] = [];

/**
 * Chromium's note for any HTTP error answer or failed request. Not a page error: tests
 * provoke these on purpose (404 for another user's path, 429 over quota, a cut
 * connection) and check the status or the page's message themselves.
 */
const FAILED_RESOURCE = /^Failed to load resource: /;

function noteConsoleMessage(message: ConsoleMessage): void {
  const text = message.text();
  if (message.type() === "error" && !FAILED_RESOURCE.test(text)) {
    seen.push(`console error at ${message.location().url}: ${text}`);
  }
}

/** Collects console errors and uncaught exceptions of every page of `target`. */
export function watchPages(target: Page | BrowserContext): void {
  target.on("console", noteConsoleMessage);
  if ("newPage" in target) {
    target.on("weberror", (error) => seen.push(`uncaught: ${error.error().message}`));
  } else {
    target.on("pageerror", (error) => seen.push(`uncaught: ${error.message}`));
  }
}

export const test = base.extend<{ pagesRunWithoutErrors: undefined }>({
  pagesRunWithoutErrors: [
    async ({ context }, use) => {
      seen = [];
      watchPages(context);
      await use(undefined);
      expect(seen, "errors on the pages this test visited").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
