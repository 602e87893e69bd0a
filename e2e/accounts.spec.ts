import { expect, PASSWORD, signUp, test, uniqueEmail } from "./support/accounts";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";
import { watchPages } from "./support/test";

// Accounts: sign-up, saving on done, ownership, sign-out, and one answer for bad credentials.

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

test("a signed-in user's path is saved, opened at /paths/<id>, listed, and private", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("owner");
  await signUp(page, email);
  await expect(page.getByTestId("no-paths")).toBeVisible();

  const home = new HomePage(page);
  await home.open();
  await home.fill("Rust", { weeks: 4 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  const pathUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning Rust (fake model)");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("exports").getByRole("link", { name: "Markdown" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("learning-rust-fake-model.md");

  await page.goto("/paths");
  await expect(page.getByTestId("saved-paths").getByRole("link")).toHaveText([
    "Learning Rust (fake model)",
  ]);

  // Another user gets a 404 for it, as for a path that does not exist.
  const stranger = await browser.newPage();
  watchPages(stranger);
  await signUp(stranger, uniqueEmail("stranger"));
  const response = await stranger.goto(pathUrl);
  expect(response?.status()).toBe(404);
  await stranger.close();

  // Sign out: the header offers sign-in, and the saved path needs signing in again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(pathUrl);
  await page.waitForURL(/\/sign-in\?callbackUrl=/);
});

test("signing in again works, and wrong password and unknown email get the same answer", async ({
  page,
}) => {
  const email = uniqueEmail("returning");
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  for (const [who, password] of [
    [email, "wrong password"],
    [uniqueEmail("nobody"), PASSWORD],
  ]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(who ?? "");
    await page.getByLabel(/^Password/).fill(password ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("auth-error")).toHaveText("Wrong email or password.");
  }

  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/paths");
  await expect(page.getByTestId("signed-in")).toContainText(email);
});

test("sign-in only redirects to paths on this site", async ({ page }) => {
  const email = uniqueEmail("redirect");
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-in?callbackUrl=https://evil.example/steal");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/paths");
  expect(new URL(page.url()).host).toBe("127.0.0.1:3100");
});

test("a callback URL with a line break is not followed: sign-up and sign-in land on the default page", async ({
  page,
}) => {
  // The account was created and the session set, then the redirect answered 500.
  const email = uniqueEmail("callback");
  await page.goto(`/sign-up?callbackUrl=${encodeURIComponent("/paths/x\n/evil")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/paths");
  await expect(page.getByTestId("signed-in")).toContainText(email);

  // The sign-in action checks the target itself too, whatever the form posts.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/sign-in");
  await page
    .locator('input[name="callbackUrl"]')
    .evaluate((input: HTMLInputElement) => (input.value = "/paths/x\r\nX-Injected: 1"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/paths");
  await expect(page.getByTestId("signed-in")).toContainText(email);
});

test("ticking milestones and resources updates completion, survives reload, and the dashboard agrees", async ({
  signedInPage: page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.fill("Go", { weeks: 4 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);

  await expect(page.getByTestId("completion-value")).toHaveText("0% complete");
  const saved = () => page.waitForResponse((r) => r.url().endsWith("/progress") && r.ok());
  await Promise.all([saved(), page.getByLabel("Milestone 1 done").check()]);
  await Promise.all([saved(), page.getByLabel("Milestone 2 done").check()]);
  await Promise.all([
    saved(),
    // Milestone 1's resources were ticked with it: tick one of milestone 3's instead.
    page.getByTestId("milestone").nth(2).getByRole("checkbox").nth(1).check(),
  ]);
  const shown = await page.getByTestId("completion-value").textContent();
  expect(shown).not.toBe("0% complete");

  await page.reload();
  await expect(page.getByLabel("Milestone 1 done")).toBeChecked();
  await expect(page.getByTestId("completion-value")).toHaveText(shown ?? "");
  await page.screenshot({ path: screenshotPath("saved-path.png") });
  const pathHref = new URL(page.url()).pathname;
  await page.goto("/paths");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("my-paths-phone.png") });
  // The signed-in header (a long email, the theme picker) fits a phone too.
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);
  const listed = page
    .getByTestId("saved-path")
    .filter({ has: page.locator(`a[href="${pathHref}"]`) });
  await expect(listed.getByTestId("path-completion")).toHaveText(shown ?? "");
});

test("a failed save rolls the tick back with a message", async ({ signedInPage: page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.fill("Go", { weeks: 4 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  await page.route("**/api/paths/*/progress", (route) =>
    route.fulfill({ status: 500, body: "{}" }),
  );
  // click, not check: the box is meant to spring back once the save fails.
  await page.getByLabel("Milestone 1 done").click();
  await expect(page.getByTestId("progress-error")).toHaveText(
    "Could not save your progress. Please try again.",
  );
  await expect(page.getByLabel("Milestone 1 done")).not.toBeChecked();
  await expect(page.getByTestId("completion-value")).toHaveText("0% complete");
});

test("two quick ticks both stick, even when the first save answers last", async ({
  signedInPage: page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.fill("Chess", { weeks: 4 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  // The first save reaches the server at once, but its answer is held back until the
  // second save's answer has fully reached the page.
  const answeredTicks: number[] = [];
  let secondAnswered: () => void = () => {};
  const secondIn = new Promise<void>((resolve) => {
    secondAnswered = resolve;
  });
  let bothAnswered: () => void = () => {};
  const bothIn = new Promise<void>((resolve) => {
    bothAnswered = resolve;
  });
  page.on("requestfinished", (request) => {
    if (!request.url().endsWith("/progress")) return;
    answeredTicks.push((request.postDataJSON() as { milestone: number }).milestone);
    if (answeredTicks.length === 1) secondAnswered();
    if (answeredTicks.length === 2) bothAnswered();
  });
  let saves = 0;
  await page.route("**/api/paths/*/progress", async (route) => {
    saves += 1;
    if (saves === 1) {
      const response = await route.fetch();
      await secondIn;
      await route.fulfill({ response });
    } else {
      await route.continue();
    }
  });
  await page.getByLabel("Milestone 1 done").check();
  await page.getByLabel("Milestone 2 done").check();
  await bothIn;
  expect(answeredTicks, "the second tick's save was answered first").toEqual([1, 0]);
  // The page has handled both answers once no save is pending (an older version let the
  // late answer undo the second tick).
  await expect(page.getByTestId("completion")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByLabel("Milestone 1 done")).toBeChecked();
  await expect(page.getByLabel("Milestone 2 done")).toBeChecked();
  await page.reload();
  await expect(page.getByLabel("Milestone 2 done")).toBeChecked();
});

test("a path or share link whose id holds a NUL is a 404, not a 500", async ({
  signedInPage: page,
}) => {
  for (const bad of ["%00", "abc%00def"]) {
    expect((await page.goto(`/paths/${bad}`))?.status()).toBe(404);
    expect((await page.goto(`/shared/${bad}`))?.status()).toBe(404);
  }
});

test("a guest's path is saved to the account they create, and they land on it", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.fill("Spanish", { weeks: 4 });
  await home.generate.click();
  await page.waitForURL("**/result");
  const title = await page.getByRole("heading", { level: 1 }).textContent();

  await page.getByTestId("save-guest-path").click();
  await page.getByRole("link", { name: "Create an account" }).click();
  // The link navigates in the page: until the sign-up form is there, "Email" is still
  // the sign-in form's field, and what is typed into it is lost with that form.
  await page.waitForURL("**/sign-up?**");
  await page.getByLabel("Email").fill(uniqueEmail("guest"));
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // Saving asks when they start (today by default).
  await page.getByLabel("When do you start?").fill("2026-01-05");
  await page.getByRole("button", { name: "Save path" }).click();
  await page.waitForURL(/\/paths\/(?!save)[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title ?? "");
  await expect(page.getByLabel("Start date")).toHaveValue("2026-01-05");
  await page.goto("/paths");
  await expect(page.getByTestId("saved-paths").getByRole("link")).toHaveText([title ?? ""]);
});

test("the dashboard renames, archives, deletes a path after the in-app confirmation, and starts a new one", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("organiser"));
  const home = new HomePage(page);
  await home.open();
  await home.fill("Docker", { weeks: 2 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  await page.goto("/paths");

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("New name").fill("Containers, my way");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("saved-paths").getByRole("link")).toHaveText([
    "Containers, my way",
  ]);

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("archived-paths").getByRole("link")).toHaveText([
    "Containers, my way",
  ]);
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(page.getByTestId("saved-paths").getByRole("link")).toHaveText([
    "Containers, my way",
  ]);

  // The app's own dialog asks first (no browser confirm()): focus starts on Cancel,
  // Escape and Cancel keep the path, and focus goes back to Delete.
  page.on("dialog", (dialog) => {
    throw new Error(`a browser dialog opened: ${dialog.message()}`);
  });
  const remove = page.getByRole("button", { name: "Delete" });
  const confirm = page.getByRole("dialog", { name: 'Delete "Containers, my way"?' });
  await remove.click();
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();
  await remove.click();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("saved-paths").getByRole("link")).toHaveCount(1);
  await remove.click();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("no-paths")).toBeVisible();

  // A new path is one click away from the dashboard.
  await page.getByRole("link", { name: "New path", exact: true }).click();
  await expect(page.getByTestId("generate-button")).toBeVisible();
});

test("the owner shares a read-only link and can turn it off again", async ({
  signedInPage: page,
  browser,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.fill("Photography", { weeks: 2 });
  await home.generate.click();
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  await page.getByRole("button", { name: "Share a read-only link" }).click();
  const link = await page.getByTestId("share-link").getAttribute("href");
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3100\/shared\/[A-Za-z0-9_-]{32}$/);
  // The page as the server renders it with sharing on hydrates without an error (the
  // link was relative on the server and absolute in the browser: React error #418), and
  // shows the same full link.
  await page.reload();
  await expect(page.getByTestId("share-link")).toHaveAttribute("href", link ?? "");
  await expect(page.getByTestId("share-link")).toHaveText(link ?? "");

  const visitor = await browser.newPage();
  watchPages(visitor);
  await visitor.goto(link ?? "");
  await expect(visitor.getByTestId("shared-notice")).toBeVisible();
  await expect(visitor.getByTestId("milestone").first()).toBeVisible();
  await expect(visitor.getByRole("checkbox")).toHaveCount(0);
  await expect(visitor.getByTestId("completion")).toHaveCount(0);

  await page.getByRole("button", { name: "Stop sharing" }).click();
  await expect(page.getByTestId("share-link")).toHaveCount(0);
  const response = await visitor.goto(link ?? "");
  expect(response?.status()).toBe(404);
  await visitor.close();
});

// Without TRUST_PROXY (as here) the app cannot tell addresses apart, so only the account-wide
// limit applies: 10 tries, then a wait that grows from a minute (README, "Accounts").
test("repeated wrong passwords slow the account's sign-in down", async ({ page }) => {
  const email = uniqueEmail("guessed");
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/sign-in");
  const answered = () =>
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in"));
  const form = page.getByTestId("sign-in-form");
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill(`guess ${attempt}`);
    await Promise.all([answered(), page.getByRole("button", { name: "Sign in" }).click()]);
    // React resets the form once the answer is in: fill it again only after that.
    await expect(form).toHaveAttribute("aria-busy", "false");
    await expect(page.getByTestId("auth-error")).toHaveText("Wrong email or password.");
    // The email typed stays; the password does not.
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByLabel(/^Password/)).toHaveValue("");
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Refused even with the right password until the wait is over.
  await expect(page.getByTestId("auth-error")).toHaveText(
    "Too many sign-in attempts. Try again in a minute.",
  );
});
