import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";

// Every browser test also proves the pages keep to their Content-Security-Policy:
// Chromium reports each violation on the console ("Refused to ..."), and a test that
// saw one fails. Pages from contexts a test opens itself are watched with `watchCsp`.

let seen: string[] = [];

/** Collects CSP violations reported by every page of `target` into the running test's list. */
export function watchCsp(target: Page | BrowserContext): void {
  target.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && /Content Security Policy/i.test(text)) seen.push(text);
  });
}

export const test = base.extend<{ contentSecurityPolicyKept: undefined }>({
  contentSecurityPolicyKept: [
    async ({ context }, use) => {
      seen = [];
      watchCsp(context);
      await use(undefined);
      expect(seen, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
