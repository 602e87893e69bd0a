import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";

// README, "Accounts": GitHub and Google buttons appear on the sign-in and sign-up pages
// when their keys are set, and not otherwise. The app on :3101 runs with both
// providers' id and secret set (playwright.config.ts), the one on :3100 with neither.

const WITH_KEYS = "http://127.0.0.1:3101";
const WITHOUT_KEYS = "http://127.0.0.1:3100";

const PAGES = [
  { path: "/sign-in", heading: "Sign in" },
  { path: "/sign-up", heading: "Create your account" },
];

/** Opens an auth page and waits until its own form is there, so absence means absent. */
async function openAuthPage(page: Page, url: string, heading: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
}

for (const { path, heading } of PAGES) {
  test(`${path} shows GitHub and Google buttons when their keys are set`, async ({ page }) => {
    await openAuthPage(page, `${WITH_KEYS}${path}`, heading);
    const buttons = page.getByTestId("oauth-buttons").getByRole("button");
    await expect(buttons).toHaveText(["Continue with GitHub", "Continue with Google"]);
  });

  test(`${path} shows no GitHub or Google button without their keys`, async ({ page }) => {
    await openAuthPage(page, `${WITHOUT_KEYS}${path}`, heading);
    await expect(page.getByTestId("oauth-buttons")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /GitHub|Google/ })).toHaveCount(0);
  });
}

test("the GitHub button sends the browser to GitHub with the configured client id", async ({
  page,
}) => {
  // github.com cannot be reached from the tests: answer for it and look at the request.
  let authorizeUrl: URL | undefined;
  await page.route("https://github.com/**", async (route) => {
    authorizeUrl = new URL(route.request().url());
    await route.fulfill({ contentType: "text/plain", body: "GitHub stand-in" });
  });
  await openAuthPage(page, `${WITH_KEYS}/sign-in?callbackUrl=/paths`, "Sign in");
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page.getByText("GitHub stand-in")).toBeVisible();

  expect(authorizeUrl?.pathname).toBe("/login/oauth/authorize");
  expect(authorizeUrl?.searchParams.get("client_id")).toBe("e2e-github-id");
  expect(authorizeUrl?.searchParams.get("redirect_uri")).toBe(
    `${WITH_KEYS}/api/auth/callback/github`,
  );
});
