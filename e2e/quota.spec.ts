import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";
import { expect, test } from "./support/test";

// The app on :3102 runs with the default quotas (5 generations a day for a guest) and no
// trusted proxy, so every guest here shares one count. Tests run in order.
const QUOTA_APP = "http://127.0.0.1:3102";
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

test("the form shows how many generations are left today, and counts one as it starts", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open(QUOTA_APP);
  const left = page.getByTestId("generations-left");
  await expect(left).toHaveText(/5 of 5 generations left today/);
  await expect(left.getByRole("link", { name: "Create a free account" })).toBeVisible();

  // A model that never sends a milestone, so the count is seen to change while the
  // path is being built, and Cancel comes before the first milestone.
  await fakeOpenAi.setScenario({ hang: { afterChunks: 1 } });
  await home.fill("SQL");
  await home.generate.click();
  await expect(home.dialog).toBeVisible();
  await expect(left).toHaveText(/4 of 5 generations left today/);
  await home.cancel.click();
  await expect(home.dialog).toBeHidden();
  // Cancelled before its first milestone (a typo fixed): given back, and the form says so
  // without a reload.
  await expect(left).toHaveText(/5 of 5/);
});

test("over the daily quota, the form says so and the dialog explains the wait", async ({
  page,
}) => {
  // Use up the rest of today's generations without the browser (an earlier test's
  // generation may or may not have counted: one cancelled before its first milestone
  // is given back).
  const left = async () =>
    ((await (await page.request.get(`${QUOTA_APP}/api/quota`)).json()) as { remaining: number })
      .remaining;
  for (let tries = 0; tries < 5 && (await left()) > 0; tries++) {
    const response = await page.request.post(`${QUOTA_APP}/api/generate`, {
      data: {
        topic: "SQL",
        level: "beginner",
        learningStyle: "visual",
        durationWeeks: 2,
        hoursPerWeek: 4,
        goals: [],
      },
    });
    expect(response.status()).toBe(200);
  }
  const home = new HomePage(page);
  await home.open(QUOTA_APP);
  await expect(page.getByTestId("generations-left")).toHaveText(/used today's 5 generations/);

  const callsBefore = (await fakeOpenAi.requests()).length;
  await home.fill("SQL");
  await home.generate.click();
  await expect(
    page.getByRole("dialog", { name: "Your learning path could not start" }),
  ).toContainText(/You have used all of today's generations\. Try again in about 24 hours\./);
  await expect(home.progressBar).toHaveCount(0);
  // Refused before any stream: the model was never asked.
  expect((await fakeOpenAi.requests()).length).toBe(callsBefore);
  await page.screenshot({ path: screenshotPath("quota-reached.png") });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("quota-reached-phone.png"), fullPage: true });
});
