import type { Page } from "@playwright/test";
import { expect, test } from "./support/accounts";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";

// Following a saved path week by week: milestone ticks tick resources (and say so), the
// start date gives "this week" and a pace, weeks can be ticked, the dashboard agrees.

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

async function newSavedPath(page: Page, topic: string): Promise<string> {
  const home = new HomePage(page);
  await home.open();
  await home.fill(topic, { weeks: 4 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  return new URL(page.url()).pathname;
}

const saved = (page: Page) => page.waitForResponse((r) => r.url().endsWith("/progress") && r.ok());

/** The calendar day `weeks` weeks before today, in UTC like the server's today. */
const weeksAgo = (weeks: number) =>
  new Date(Date.now() - weeks * 7 * 86_400_000).toISOString().slice(0, 10);

test("ticking a milestone ticks its resources and the page announces it", async ({
  signedInPage: page,
}) => {
  await newSavedPath(page, "Go");
  const first = page.getByTestId("milestone").first();
  const resources = first.getByRole("checkbox");
  const count = (await resources.count()) - 1; // the milestone's own box is first
  await Promise.all([saved(page), page.getByLabel("Milestone 1 done").check()]);
  for (let r = 1; r <= count; r++) await expect(resources.nth(r)).toBeChecked();
  const plural = count === 1 ? "1 resource" : `${count} resources`;
  await expect(page.getByRole("status").filter({ hasText: "Marked" })).toHaveText(
    `Marked ${plural} done`,
  );
  // A resource the learner unticks and ticks again is theirs: unticking the milestone
  // leaves it ticked and unticks the rest.
  await Promise.all([saved(page), resources.nth(1).uncheck()]);
  await Promise.all([saved(page), resources.nth(1).check()]);
  await Promise.all([saved(page), page.getByLabel("Milestone 1 done").uncheck()]);
  await expect(resources.nth(1)).toBeChecked();
  if (count > 1) await expect(resources.nth(2)).not.toBeChecked();
});

test("a path started two weeks ago is in week 3; weeks tick; the dashboard shows week, pace and ring", async ({
  signedInPage: page,
}) => {
  const pathHref = await newSavedPath(page, "Chess");
  await expect(page.getByTestId("no-start-date")).toBeVisible();
  await page.getByLabel("When do you start?").fill(weeksAgo(2));
  await page.getByRole("button", { name: "Set start date" }).click();
  await expect(page.getByTestId("this-week-heading")).toHaveText("Week 3 of 4");
  await expect(page.getByTestId("pace")).toHaveText("Behind");
  await expect(page.getByTestId("timeline-today")).toBeVisible();

  await Promise.all([saved(page), page.getByLabel("Week 1 done").check()]);
  await Promise.all([saved(page), page.getByLabel("Week 2 done").check()]);
  await expect(page.getByTestId("pace")).toHaveText("On track");
  const completion = (await page.getByTestId("completion-value").textContent()) ?? "";
  expect(completion).not.toBe("0% complete");

  await page.reload();
  await expect(page.getByLabel("Week 2 done")).toBeChecked();
  await expect(page.getByTestId("this-week-heading")).toHaveText("Week 3 of 4");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: screenshotPath("this-week.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("this-week-phone.png"), fullPage: true });

  await page.goto("/paths");
  const listed = page
    .getByTestId("saved-path")
    .filter({ has: page.locator(`a[href="${pathHref}"]`) });
  await expect(listed.getByTestId("path-pace")).toHaveText("Week 3 · On track");
  await expect(listed.getByTestId("path-completion")).toHaveText(completion);
  await expect(listed.getByTestId("progress-ring")).toHaveAttribute("aria-label", completion);
  await page.screenshot({ path: screenshotPath("my-paths-rings-phone.png") });
});
