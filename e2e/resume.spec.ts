import type { Page } from "@playwright/test";
import { expect, test } from "./support/accounts";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";

// The browser side of resumable generations: the dialog outlives a reload and a dropped
// connection, shows the resources stage's work, says plainly when it failed, and a
// signed-in user's running job can be watched again from /paths.

const PHONE = { width: 390, height: 844 };

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

/** Records, across client-side navigation, every progress value and milestone count shown. */
async function recordDialog(page: Page) {
  await page.evaluate(() => {
    const seen = { progress: [] as number[], milestones: 0 };
    (window as unknown as { dialogSeen: typeof seen }).dialogSeen = seen;
    const record = () => {
      const value = document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
      if (value != null && Number(value) !== seen.progress.at(-1))
        seen.progress.push(Number(value));
      const count = document.querySelectorAll('[data-testid="streamed-milestones"] > li').length;
      seen.milestones = Math.max(seen.milestones, count);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuenow"],
    });
  });
}

const dialogSeen = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { dialogSeen: { progress: number[]; milestones: number } }).dialogSeen,
  );

/**
 * Starts a Rust path with every kind of input set; resolves at its second milestone
 * with the progress the bar shows then.
 */
async function startRustUntilSecondMilestone(home: HomePage): Promise<number> {
  await home.fill("Rust", { weeks: 6, style: "reading", goals: "Write a CLI tool" });
  await home.generate.click();
  await expect(home.streamedMilestones.nth(1)).toHaveText(/Rust stage 2/);
  return home.progress();
}

/**
 * The job was found again and replayed from its first frame: the same milestones,
 * progress not behind `before`, the form's inputs back; then it finishes on the result.
 */
async function expectRustDialogBackAndFinished(home: HomePage, before: number) {
  const { page } = home;
  await expect(home.dialog).toBeVisible();
  await expect(home.streamedMilestones.nth(1)).toHaveText(/Rust stage 2/);
  expect(await home.progress()).toBeGreaterThanOrEqual(before);
  await expect(home.topic).toHaveValue("Rust");
  await expect(page.getByLabel("Duration (weeks)")).toHaveValue("6");
  await expect(page.getByLabel(/^Reading/i)).toBeChecked();
  await expect(page.getByLabel(/^Goals/)).toHaveValue("Write a CLI tool");

  await page.waitForURL("**/result");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning Rust (fake model)");
}

test("a reload mid-generation brings the dialog back at the same progress, refilled, and it finishes", async ({
  page,
}) => {
  // Slow enough that the job is still running while the restored form is checked.
  await fakeOpenAi.setScenario({ delayMs: 120, chunkSize: 8 });
  const home = new HomePage(page);
  await home.open();
  const before = await startRustUntilSecondMilestone(home);

  await page.reload();
  await expectRustDialogBackAndFinished(home, before);
  // Finished: nothing is left for a later visit to resume.
  expect(
    await page.evaluate(() => sessionStorage.getItem("learning-path:running-generation")),
  ).toBeNull();
  await page.goto("/");
  await expect(home.generate).toBeEnabled();
  await expect(home.dialog).toBeHidden();
});

// Leaving the form mid-generation keeps the job in the tab's sessionStorage; coming
// back Forward finds it there. Both kinds of history entry: one the app's own link made
// (a client-side navigation, the form unmounts) and one the address bar made (the page
// is loaded again, or restored from Chromium's back/forward cache).
for (const arrival of ["a link", "the address bar"] as const) {
  test(`Back then Forward mid-generation (home reached by ${arrival}) brings the dialog back at the same progress, and it finishes`, async ({
    page,
  }) => {
    await fakeOpenAi.setScenario({ delayMs: 120, chunkSize: 8 });
    const home = new HomePage(page);
    await page.goto("/result");
    if (arrival === "a link") {
      await page.getByRole("link", { name: "Create a learning path" }).click();
      await expect(home.generate).toBeEnabled();
    } else {
      await home.open();
    }
    const before = await startRustUntilSecondMilestone(home);

    await page.goBack();
    await expect(page.getByTestId("no-path")).toBeVisible();
    await page.goForward();
    await expectRustDialogBackAndFinished(home, before);
    // One job from start to end: the model was asked once per stage, never cancelled.
    const requests = await fakeOpenAi.requests();
    expect(requests.map((request) => request.kind)).toEqual([
      "curriculum",
      "resources",
      "career_insights",
    ]);
    expect(requests.some((request) => request.closedEarly)).toBe(false);
  });
}

test("a job cancelled from another tab closes the watching dialog without an error, and gives the generation back", async ({
  page,
  context,
}) => {
  // A model that never sends a milestone: the cancel comes before the first one, so the
  // generation is not counted (quota.ts), and the form must say so without a reload.
  await fakeOpenAi.setScenario({ hang: { afterChunks: 1 } });
  const home = new HomePage(page);
  await home.open();
  const left = page.getByTestId("generations-left");
  const leftBefore = Number(await left.locator("strong").textContent());
  await page.evaluate(() => {
    // Whether the dialog ever showed a failure, however briefly.
    const flags = window as unknown as { dialogFailed: boolean };
    flags.dialogFailed = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"][data-state="error"]'))
        flags.dialogFailed = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await home.fill("SQL");
  await home.generate.click();
  await expect(home.dialog).toBeVisible();
  await expect(left.locator("strong")).toHaveText(String(leftBefore - 1));
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem("learning-path:running-generation")))
    .not.toBeNull();
  const { job } = JSON.parse(
    (await page.evaluate(() => sessionStorage.getItem("learning-path:running-generation"))) ?? "",
  ) as { job: { id: string; resumeToken: string } };

  // The other tab holds the job and its token (as this tab's Cancel would) and cancels it.
  const other = await context.newPage();
  await other.goto("/result");
  const status = await other.evaluate(
    async ({ id, resumeToken }) =>
      (
        await fetch(`/api/generations/${id}/cancel`, {
          method: "POST",
          headers: { "X-Resume-Token": resumeToken },
        })
      ).status,
    job,
  );
  expect(status).toBe(204);

  // This tab learns it from the job's last frame: the dialog closes, nothing failed.
  await expect(home.dialog).toBeHidden();
  await expect(home.generate).toBeEnabled();
  await expect(page.getByTestId("request-error")).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { dialogFailed: boolean }).dialogFailed),
  ).toBe(false);
  // Given back, and the form shows it without a reload.
  await expect(left.locator("strong")).toHaveText(String(leftBefore));
  expect(
    await page.evaluate(() => sessionStorage.getItem("learning-path:running-generation")),
  ).toBeNull();
  await expect
    .poll(async () => (await fakeOpenAi.requests())[0]?.closedEarly, { timeout: 5_000 })
    .toBe(true);
});

test("a connection cut mid-stream says Reconnecting…, resumes after the last frame and finishes", async ({
  page,
}) => {
  await fakeOpenAi.setScenario({ delayMs: 5, chunkSize: 16 });
  let keptFrames = 0;
  // The first stream is cut off just after its second milestone (no done frame).
  await page.route("**/api/generate/stream", async (route) => {
    const response = await route.fetch();
    const frames = (await response.text()).split("\n\n").filter(Boolean);
    const cut = frames.findIndex((frame) => frame.includes('"milestone":{"index":1'));
    keptFrames = cut + 1;
    await route.fulfill({
      response,
      body: `${frames.slice(0, keptFrames).join("\n\n")}\n\n`,
    });
  });
  // The first attempt to reconnect fails too (a network error) after a moment.
  const resumes: string[] = [];
  await page.route("**/api/generations/*/stream*", async (route) => {
    resumes.push(route.request().url());
    if (resumes.length === 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.abort("internetdisconnected");
    } else {
      await route.continue();
    }
  });
  const home = new HomePage(page);
  await home.open();
  await recordDialog(page);
  await home.fill("Rust", { weeks: 6 });
  await home.generate.click();

  await expect(page.getByTestId("reconnecting")).toHaveText("Reconnecting…");
  await expect(home.streamedMilestones).toHaveCount(2);
  await page.waitForURL("**/result");
  // Both attempts asked for the frames after the last one seen, with the guest's token.
  expect(resumes).toHaveLength(2);
  for (const url of resumes) {
    const query = new URL(url).searchParams;
    expect(query.get("lastEventId")).toBe(String(keptFrames));
  }
  const seen = await dialogSeen(page);
  expect(seen.milestones).toBe(3);
  expect(seen.progress).toEqual([...seen.progress].sort((a, b) => a - b));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning Rust (fake model)");
});

test("during the resources stage each milestone's resources appear under it", async ({ page }) => {
  await fakeOpenAi.setScenario({ delayMs: 30, chunkSize: 10 });
  const home = new HomePage(page);
  await home.open();
  await home.fill("Rust", { weeks: 6 });
  await home.generate.click();

  const resources = page.getByTestId("streamed-resources");
  await expect(resources.first()).not.toBeEmpty();
  // Still on the form: shown while the path is being built, not after.
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(home.streamedMilestones.first().getByTestId("streamed-resources")).toBeVisible();
  await page.screenshot({ path: screenshotPath("progress-dialog-resources.png") });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("progress-dialog-resources-phone.png") });
  await page.waitForURL("**/result");
});

test("a failure says so in the heading; Try again sends the same inputs again; the count is right", async ({
  page,
}) => {
  await fakeOpenAi.setScenario({ failWith: { status: 401 } });
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/generate/stream")) sent.push(request.postData() ?? "");
  });
  const home = new HomePage(page);
  await home.open();
  const left = page.getByTestId("generations-left");
  const leftBefore = await left.textContent();
  await home.fill("Python", { weeks: 4, goals: "Automate reports" });
  await home.generate.click();

  await expect(
    page.getByRole("heading", { name: "Your learning path could not be generated" }),
  ).toBeVisible();
  await expect(home.cancel).toHaveText("Close");
  // An upstream failure is not the learner's: it is given back, and the form says so.
  await expect(left).toHaveText(leftBefore ?? "");
  await page.screenshot({ path: screenshotPath("progress-dialog-failed.png") });

  await fakeOpenAi.setScenario({});
  await page.getByTestId("retry-generation").click();
  await page.waitForURL("**/result");
  expect(sent).toHaveLength(2);
  expect(JSON.parse(sent[1] ?? "")).toEqual(JSON.parse(sent[0] ?? ""));
  expect(JSON.parse(sent[0] ?? "")).toMatchObject({ topic: "Python", goals: ["Automate reports"] });
});

test("after 10 s without a frame the dialog says it is still working", async ({ page }) => {
  test.setTimeout(60_000);
  await fakeOpenAi.setScenario({ hang: { kind: "curriculum", afterChunks: 1 } });
  const home = new HomePage(page);
  await home.open();
  await home.fill("Rust");
  await home.generate.click();
  await expect(home.dialog).toBeVisible();
  await expect(page.getByTestId("still-working")).toBeHidden();
  await expect(page.getByTestId("still-working")).toHaveText(
    "Still working — the AI is taking its time…",
    { timeout: 20_000 },
  );
  await home.cancel.click();
  await expect(home.dialog).toBeHidden();
});

test("a signed-in user's running job shows on /paths, and Watch follows it to the saved path", async ({
  signedInPage: page,
}) => {
  await fakeOpenAi.setScenario({ delayMs: 40, chunkSize: 8 });
  const home = new HomePage(page);
  await home.open();
  await home.fill("Elixir", { weeks: 6 });
  await home.generate.click();
  await expect(home.streamedMilestones.first()).toBeVisible();

  await page.goto("/paths");
  const running = page.getByTestId("running-generation");
  await expect(running.first()).toContainText("Generating…");
  // Recorded rather than awaited: on a busy machine the job may have ended by the time
  // Watch is clicked, and then its replay runs to the saved path at once.
  await recordDialog(page);
  await running.first().getByTestId("watch-generation").click();

  await page.waitForURL(/\/paths\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Elixir");
  // Watch and the way to the saved path are client-side: the record is still there.
  const seen = await dialogSeen(page);
  expect(seen.progress.length).toBeGreaterThan(0);
  expect(seen.milestones).toBe(3);
});
