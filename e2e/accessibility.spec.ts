import { expectNoAccessibilityViolations } from "./support/accessibility";
import { expect, signUp, test, uniqueEmail } from "./support/accounts";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { watchPages } from "./support/test";

// axe-core on every kind of page the browser tests visit, in light and dark mode. Each
// page is analysed twice, which takes several seconds on a busy machine: these tests get
// more time than the suite's default.
test.describe.configure({ timeout: 240_000 });

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

test("a guest's pages have no accessibility violations: home, the open dialog, the result, sign-in and sign-up", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await expectNoAccessibilityViolations(page, "the home page");

  await home.generate.click();
  await expect(home.topic).toBeFocused();
  await expectNoAccessibilityViolations(page, "the form showing an issue");

  // The model stops after the curriculum, so the dialog stays open while axe looks at it.
  await fakeOpenAi.setScenario({ hang: { kind: "resources", afterChunks: 0 } });
  await home.fill("Rust", { weeks: 3 });
  await home.generate.click();
  await expect(home.streamedMilestones).toHaveCount(3);
  await expectNoAccessibilityViolations(page, "the progress dialog");
  await home.cancel.click();

  await fakeOpenAi.reset();
  await home.generate.click();
  await page.waitForURL("**/result");
  await expect(page.getByTestId("milestone").first()).toBeVisible();
  await expectNoAccessibilityViolations(page, "the result page");

  for (const form of ["/sign-in", "/sign-up"]) {
    await page.goto(form);
    await expectNoAccessibilityViolations(page, form);
  }
});

test("a signed-in user's pages have no accessibility violations: a saved path, the shared page, /paths and its delete dialog", async ({
  page,
  browser,
}) => {
  await signUp(page, uniqueEmail("axe"));
  await expectNoAccessibilityViolations(page, "/paths with no paths");
  const home = new HomePage(page);
  await home.open();
  await home.fill("Photography", { weeks: 2 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  await page.getByLabel("Milestone 1 done").check();
  await page.getByRole("button", { name: "Share a read-only link" }).click();
  const link = await page.getByTestId("share-link").getAttribute("href");
  await expectNoAccessibilityViolations(page, "a saved path");

  // axe-core needs a page whose context can open another page (browser.newPage's cannot).
  const visitorContext = await browser.newContext();
  watchPages(visitorContext);
  const visitor = await visitorContext.newPage();
  await visitor.goto(link ?? "");
  await expect(visitor.getByTestId("milestone").first()).toBeVisible();
  await expectNoAccessibilityViolations(visitor, "the shared page");
  await visitorContext.close();

  await page.goto("/paths");
  await expectNoAccessibilityViolations(page, "/paths");
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("confirm-dialog")).toBeVisible();
  await expectNoAccessibilityViolations(page, "the delete confirmation");
});
