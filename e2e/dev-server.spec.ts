import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { expect, test } from "./support/test";

// The same cancel guarantees under `next dev` as under the production build: dev wraps
// route handlers and responses differently, and a Cancel that only worked in one of them
// would surprise whoever debugs it in the other.

const DEV_APP = "http://127.0.0.1:3103";

// The first request to each route compiles it.
test.setTimeout(90_000);

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

test("dev server: Cancel closes the upstream request", async ({ page }) => {
  // The dev server compiles a route on its first request: compiled during the Cancel, the
  // cancel route took seconds on a busy machine and could land just as one model call
  // ended and before the next began, with no call in flight to close. Asking it for an
  // unknown job first compiles it.
  const warmUp = await page.request.post(`${DEV_APP}/api/generations/warm-up/cancel`, {
    headers: { origin: DEV_APP },
  });
  expect(warmUp.status()).toBe(404);
  await fakeOpenAi.setScenario({ delayMs: 60, chunkSize: 8 });
  const home = new HomePage(page);
  await home.open(DEV_APP);
  await home.fill("Kubernetes", { weeks: 8 });
  await home.generate.click();
  await expect(home.streamedMilestones.first()).toBeVisible({ timeout: 60_000 });
  await home.cancel.click();
  await expect(home.dialog).toBeHidden();
  // The model call in flight (the curriculum, or the resources if the dev server was slow
  // to show the first milestone) is closed, and no later call is made.
  await expect
    .poll(async () => (await fakeOpenAi.requests()).some((request) => request.closedEarly), {
      timeout: 60_000,
    })
    .toBe(true);
  const kinds = (await fakeOpenAi.requests()).map((request) => request.kind);
  expect(kinds).not.toContain("career_insights");
});

test("dev server: closing the tab does not stop the generation", async ({ page, context }) => {
  await fakeOpenAi.setScenario({ delayMs: 20, chunkSize: 8 });
  const home = new HomePage(page);
  await home.open(DEV_APP);
  await home.fill("Go", { weeks: 8 });
  await home.generate.click();
  await expect(home.streamedMilestones.first()).toBeVisible({ timeout: 60_000 });
  await page.close();
  await expect
    .poll(async () => (await fakeOpenAi.requests()).map((request) => request.kind), {
      timeout: 30_000,
    })
    .toEqual(["curriculum", "resources", "career_insights"]);
  const requests = await fakeOpenAi.requests();
  expect(requests.some((request) => request.closedEarly)).toBe(false);
  await context.close();
});
