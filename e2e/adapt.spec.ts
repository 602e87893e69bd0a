import type { Locator, Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/accessibility";
import { expect, test } from "./support/accounts";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";

// Adapting a saved path: regenerate one milestone (with a wish), re-plan the weeks still
// to come, see what changed, undo it. Both changes stream through the same progress
// dialog as a new path, and its Cancel really cancels.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

async function newSavedPath(page: Page, topic: string): Promise<string> {
  const home = new HomePage(page);
  await home.open();
  await home.fill(topic, { weeks: 6 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  await expect(page.getByTestId("path-version")).toHaveCount(1);
  return new URL(page.url()).pathname;
}

const milestones = (page: Page) => page.getByTestId("milestone");
const progressDialog = (page: Page) => page.getByTestId("progress-dialog");
const versions = (page: Page) => page.getByTestId("path-version");
const saved = (page: Page) => page.waitForResponse((r) => r.url().endsWith("/progress") && r.ok());

/** Everything a milestone shows: weeks, title, description, skills, resources. */
const allText = async (milestone: Locator) => (await milestone.textContent()) ?? "";
/** The "Weeks 3-4 · 8 h" line: what a regenerated milestone keeps. */
const weeksLine = async (milestone: Locator) =>
  (await milestone.locator("p").first().textContent()) ?? "";

async function milestoneTexts(page: Page): Promise<string[]> {
  return milestones(page).evaluateAll((items) => items.map((item) => item.textContent ?? ""));
}

async function askRegenerate(page: Page, index: number, instruction: string) {
  await page.getByRole("button", { name: `Regenerate milestone ${index + 1}` }).click();
  const form = page.getByRole("dialog", { name: `Regenerate milestone ${index + 1}` });
  await expect(form.getByLabel("What should change? (optional)")).toBeFocused();
  await form.getByLabel("What should change? (optional)").fill(instruction);
  await form.getByRole("button", { name: "Regenerate" }).click();
}

test("regenerating a milestone and cancelling midway leaves the path as it was", async ({
  signedInPage: page,
}) => {
  await newSavedPath(page, "Kubernetes");
  const before = await milestoneTexts(page);
  await fakeOpenAi.reset();
  // Slow enough that Cancel lands while the model is still answering.
  await fakeOpenAi.setScenario({ delayMs: 80, chunkSize: 6 });

  await askRegenerate(page, 1, "more hands-on");
  await expect(progressDialog(page)).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Regenerating milestone 2" })).toBeVisible();
  await expect
    .poll(async () => (await fakeOpenAi.requests()).length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  await page.getByTestId("cancel-generation").click();

  await expect(progressDialog(page)).toBeHidden();
  // Focus goes back to the button that started it.
  await expect(page.getByRole("button", { name: "Regenerate milestone 2" })).toBeFocused();
  await expect
    .poll(async () => (await fakeOpenAi.requests())[0]?.closedEarly, { timeout: 15_000 })
    .toBe(true);
  expect((await fakeOpenAi.requests())[0]?.completed).toBe(false);
  await expect(page.getByTestId("change-notice")).toHaveCount(0);

  await page.reload();
  expect(await milestoneTexts(page)).toEqual(before);
  await expect(versions(page)).toHaveCount(1);
});

test("regenerating a milestone to the end replaces it, keeps its weeks and the others, and says what changed", async ({
  signedInPage: page,
}) => {
  await newSavedPath(page, "Rust");
  const before = await milestoneTexts(page);
  const weeks = await weeksLine(milestones(page).nth(1));

  // Slow enough that the dialog is seen while the model writes, on a fast machine too.
  await fakeOpenAi.setScenario({ delayMs: 40, chunkSize: 6 });
  await askRegenerate(page, 1, "more hands-on");
  await expect(page.getByRole("dialog", { name: "Regenerating milestone 2" })).toBeVisible();
  const notice = page.getByTestId("change-notice");
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await expect(progressDialog(page)).toBeHidden();
  await expect(notice).toBeFocused();
  await expect(notice.getByTestId("change-summary")).not.toBeEmpty();
  await expect(notice.getByTestId("change-list")).toContainText("Milestone 2");

  // The learner's wish reached the model, and its answer is the milestone shown now.
  const requests = await fakeOpenAi.requests();
  expect(requests.some((request) => request.userMessage.includes("more hands-on"))).toBe(true);
  await expect(milestones(page).nth(1).getByRole("heading")).toHaveText(
    /^2\. Rust stage 2, rewritten \(more hands-on\)$/,
  );

  await expect(milestones(page)).toHaveCount(before.length);
  expect(await weeksLine(milestones(page).nth(1))).toBe(weeks);
  expect(await allText(milestones(page).nth(1))).not.toBe(before[1]);
  expect(await allText(milestones(page).nth(0))).toBe(before[0]);
  expect(await allText(milestones(page).nth(2))).toBe(before[2]);
  await expect(versions(page)).toHaveCount(2);
  await expect(versions(page).first()).toHaveAttribute("aria-current", "true");

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({
      path: screenshotPath(`adapt-notice-${colorScheme}.png`),
      fullPage: true,
    });
    await page.setViewportSize(PHONE);
    await page.screenshot({
      path: screenshotPath(`adapt-notice-${colorScheme}-phone.png`),
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: null });
  await expectNoAccessibilityViolations(page, "a saved path after a change");

  // Survives a reload: the new milestone is the saved one.
  const after = await milestoneTexts(page);
  await page.reload();
  expect(await milestoneTexts(page)).toEqual(after);
});

test("re-planning keeps finished milestones and their ticks; undo restores the plan before", async ({
  signedInPage: page,
}) => {
  await newSavedPath(page, "Go");
  await Promise.all([saved(page), page.getByLabel("Milestone 1 done").check()]);
  const first = milestones(page).first();
  const firstBefore = await allText(first);
  const ticked = await first.getByRole("checkbox").count();
  const planBefore = await milestoneTexts(page);

  await page.getByRole("button", { name: "Re-plan from here" }).click();
  const form = page.getByRole("dialog", { name: "Re-plan from here" });
  await expect(form).toContainText("Finished milestones");
  // Nothing changed yet: the form says what to do instead of starting.
  await form.getByRole("button", { name: "Re-plan" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Give a new time per week, a new end date, or both",
  );
  await expectNoAccessibilityViolations(page, "the re-plan form");
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("adapt-replan-phone.png") });
  await page.setViewportSize(DESKTOP);
  await form.getByLabel("Hours per week").fill("10");
  // Slow enough that the dialog is seen while the model writes, on a fast machine too.
  await fakeOpenAi.setScenario({ delayMs: 40, chunkSize: 6 });
  await form.getByRole("button", { name: "Re-plan" }).click();

  await expect(page.getByRole("dialog", { name: "Re-planning your path" })).toBeVisible();
  const notice = page.getByTestId("change-notice");
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("10 h / week", { exact: false })).toBeVisible();
  // The finished milestone, its weeks and every tick on it stay exactly.
  expect(await allText(first)).toBe(firstBefore);
  await expect(page.getByLabel("Milestone 1 done")).toBeChecked();
  for (let box = 0; box < ticked; box++)
    await expect(first.getByRole("checkbox").nth(box)).toBeChecked();
  await expect(versions(page)).toHaveCount(2);

  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(versions(page)).toHaveCount(3);
  await expect(notice).toBeFocused();
  await expect.poll(() => milestoneTexts(page)).toEqual(planBefore);
  await expect(page.getByLabel("Milestone 1 done")).toBeChecked();
  await page.reload();
  expect(await milestoneTexts(page)).toEqual(planBefore);
});

test("the regenerate form is accessible and Escape closes it without a change", async ({
  signedInPage: page,
}) => {
  await newSavedPath(page, "Chess");
  await fakeOpenAi.reset();
  const opener = page.getByRole("button", { name: "Regenerate milestone 1" });
  await opener.click();
  const form = page.getByRole("dialog", { name: "Regenerate milestone 1" });
  await expect(form).toBeVisible();
  await expectNoAccessibilityViolations(page, "the regenerate form");
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("adapt-regenerate-phone.png") });
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await fakeOpenAi.requests()).toHaveLength(0);
});
