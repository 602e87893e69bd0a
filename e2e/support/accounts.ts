import path from "node:path";
import type { Page } from "@playwright/test";
import { test as base, expect, watchPages } from "./test";

export const PASSWORD = "correct horse battery";
const APP_URL = "http://127.0.0.1:3100";

export const uniqueEmail = (name: string) =>
  `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

export async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/paths");
  await expect(page.getByTestId("signed-in")).toContainText(email);
}

type Account = { email: string; storageState: string };

/**
 * `signedInPage`: a page signed in as this worker's account. The account is created and
 * its session saved once per worker, then reused by every test that asks for it.
 */
export const test = base.extend<{ signedInPage: Page }, { account: Account }>({
  account: [
    async ({ browser }, use, workerInfo) => {
      const email = uniqueEmail(`worker-${workerInfo.workerIndex}`);
      const context = await browser.newContext({ baseURL: APP_URL });
      await signUp(await context.newPage(), email);
      const storageState = path.join(
        workerInfo.project.outputDir,
        `auth-${workerInfo.workerIndex}.json`,
      );
      await context.storageState({ path: storageState });
      await context.close();
      await use({ email, storageState });
    },
    { scope: "worker" },
  ],
  signedInPage: async ({ browser, account }, use) => {
    const context = await browser.newContext({
      baseURL: APP_URL,
      storageState: account.storageState,
    });
    watchPages(context);
    await use(await context.newPage());
    await context.close();
  },
});

export { expect };
