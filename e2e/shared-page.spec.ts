import { writeFileSync } from "node:fs";
import { type Page, request as playwrightRequest } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/accessibility";
import { expect, test } from "./support/accounts";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";
import { watchPages } from "./support/test";

// What reaches other people and other apps: the shared page and its "Make my own" link,
// the preview card of a shared link, and the calendar feed a calendar app subscribes to.

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

/** Generates and saves a path as the signed-in owner; resolves on its page. */
async function savedPath(page: Page, topic: string): Promise<void> {
  const home = new HomePage(page);
  await home.open();
  await home.fill(topic, {
    weeks: 3,
    style: "kinesthetic",
    goals: "Print a photo book\nShoot RAW",
  });
  await page.getByLabel(/^Advanced/).check();
  await page.getByLabel(/^Substantial/).check();
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share a read-only link" }).click();
  return (await page.getByTestId("share-link").getAttribute("href")) ?? "";
}

const meta = (page: Page, key: string) =>
  page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute("content");

test("the shared page speaks to its reader, and 'Make my own' opens the form pre-filled and generates", async ({
  signedInPage: owner,
  browser,
}) => {
  await savedPath(owner, "Street photography");
  const link = await shareLink(owner);

  // A guest in a fresh context (axe-core needs a context that can open pages).
  const context = await browser.newContext();
  watchPages(context);
  const visitor = await context.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Goals of this path" })).toBeVisible();
  await expect(visitor.getByText("Your goals")).toHaveCount(0);
  await expect(visitor.getByTestId("shared-notice")).toContainText("read-only");
  // No owner controls: no ticks, progress, exports, sharing or calendar feed.
  await expect(visitor.getByRole("checkbox")).toHaveCount(0);
  for (const owned of ["completion", "exports", "share", "calendar-feed"]) {
    await expect(visitor.getByTestId(owned)).toHaveCount(0);
  }
  // What a chat app reads when the link is pasted.
  expect(await meta(visitor, "og:title")).toBe(
    "Learning Street photography (fake model) · Shared learning path",
  );
  expect(await meta(visitor, "og:description")).toBeTruthy();
  expect(await meta(visitor, "twitter:card")).toBe("summary_large_image");
  expect(await meta(visitor, "og:image")).toMatch(/\/shared\/[A-Za-z0-9_-]{32}\/opengraph-image/);

  await expectNoAccessibilityViolations(visitor, "the shared page");
  await visitor.setViewportSize({ width: 1280, height: 900 });
  await visitor.screenshot({ path: screenshotPath("shared-page.png") });
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.emulateMedia({ colorScheme: "dark" });
  await visitor.screenshot({ path: screenshotPath("shared-page-dark-phone.png") });
  await visitor.emulateMedia({ colorScheme: null });

  await visitor.getByRole("link", { name: "Make my own path like this" }).first().click();
  await visitor.waitForURL((url) => url.pathname === "/" && url.searchParams.has("topic"));
  const home = new HomePage(visitor);
  await expect(home.topic).toHaveValue("Street photography");
  await expect(visitor.getByLabel("Duration (weeks)")).toHaveValue("3");
  await expect(visitor.getByLabel(/^Advanced/)).toBeChecked();
  await expect(visitor.getByLabel(/^Kinesthetic/)).toBeChecked();
  await expect(visitor.getByLabel(/^Substantial/)).toBeChecked();
  await expect(visitor.getByLabel(/^Goals/)).toHaveValue("Print a photo book\nShoot RAW");
  await visitor.screenshot({ path: screenshotPath("make-my-own-phone.png"), fullPage: true });

  // The visitor changes one answer and generates their own path from it.
  await visitor.getByLabel("Duration (weeks)").fill("2");
  await home.generate.click();
  await visitor.waitForURL("**/result");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(
    "Learning Street photography (fake model)",
  );
  await expect(visitor.getByRole("heading", { name: "Your goals" })).toBeVisible();
  await context.close();
});

test("a hand-edited pre-fill link keeps its good answers and drops the bad ones", async ({
  page,
}) => {
  const response = await page.goto(
    "/?topic=x&level=wizard&learningStyle=reading&durationWeeks=999&hoursPerWeek=5&goal=Ship%20it&goal=%00",
  );
  expect(response?.status()).toBe(200);
  const home = new HomePage(page);
  await expect(home.generate).toBeEnabled();
  await expect(home.topic).toHaveValue("");
  await expect(page.getByLabel("Duration (weeks)")).toHaveValue("8");
  await expect(page.getByLabel(/^Reading/)).toBeChecked();
  // 5 hours is no preset: the nearest one is chosen.
  await expect(page.getByLabel(/^Moderate/)).toBeChecked();
  await expect(page.getByLabel(/^Goals/)).toHaveValue("Ship it");
});

test("the preview image is a PNG while the path is shared and a 404 once sharing is off", async ({
  signedInPage: owner,
  browser,
}) => {
  await savedPath(owner, "Film photography");
  const link = await shareLink(owner);
  const visitor = await browser.newPage();
  watchPages(visitor);
  await visitor.goto(link);
  const imageUrl = (await meta(visitor, "og:image")) ?? "";
  // The address is absolute (chat apps need that) and on this site.
  expect(new URL(imageUrl).origin).toBe("http://127.0.0.1:3100");
  const image = await visitor.request.get(imageUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["cache-control"]).toMatch(/^private, max-age=\d{1,3}$/);
  const png = await image.body();
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  writeFileSync(screenshotPath("shared-path-og-image.png"), png);

  await owner.getByRole("button", { name: "Stop sharing" }).click();
  await expect(owner.getByTestId("share-link")).toHaveCount(0);
  expect((await visitor.request.get(imageUrl)).status()).toBe(404);
  const unknown = imageUrl.replace(/\/shared\/[^/]+\//, `/shared/${"A".repeat(32)}/`);
  expect((await visitor.request.get(unknown)).status()).toBe(404);
  await visitor.close();
});

test("the owner subscribes a calendar to the path, copies the feed URL and stops the feed", async ({
  signedInPage: page,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await savedPath(page, "Darkroom printing");
  const feed = page.getByTestId("calendar-feed");
  await expect(feed.getByTestId("calendar-feed-hint")).toContainText("start date");
  await feed.getByRole("button", { name: "Subscribe in a calendar" }).click();
  const field = feed.getByTestId("calendar-feed-url");
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:3100\/api\/calendar\/[\w-]{32}\.ics$/);
  const url = await field.inputValue();

  await feed.getByRole("button", { name: "Copy" }).click();
  await expect(feed.getByTestId("calendar-feed-message")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // A calendar app has no session: it fetches with the URL alone.
  const calendarApp = await playwrightRequest.newContext();
  const before = await calendarApp.get(url);
  expect(before.status()).toBe(200);
  expect(before.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await before.text()).not.toContain("BEGIN:VEVENT");

  // Once the path has a start date, the same URL serves its weeks.
  await page.getByLabel("When do you start?").fill("2026-12-07");
  await page.getByRole("button", { name: "Set start date" }).click();
  await expect(feed.getByTestId("calendar-feed-hint")).toContainText("one event per week");
  const after = await (await calendarApp.get(url)).text();
  expect(after.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  expect(after).toContain("DTSTART;VALUE=DATE:20261207");

  // The feed survives a reload and passes axe-core in light and dark mode.
  await page.reload();
  await expect(field).toHaveValue(url);
  await expectNoAccessibilityViolations(page, "a saved path with its calendar feed on");
  await page.setViewportSize({ width: 390, height: 844 });
  await feed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("calendar-feed-phone.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "dark" });
  await feed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("calendar-feed-dark.png") });
  await page.emulateMedia({ colorScheme: null });

  await feed.getByRole("button", { name: "Stop the feed" }).click();
  await expect(feed.getByTestId("calendar-feed-message")).toContainText("no longer works");
  await expect(field).toHaveCount(0);
  expect((await calendarApp.get(url)).status()).toBe(404);
  await calendarApp.dispose();
});
