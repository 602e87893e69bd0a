import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";
import { expect, test } from "./support/test";

// The app server without OPENAI_API_KEY: the offline engine, said so plainly.
const OFFLINE_APP_URL = "http://127.0.0.1:3101";

test("without an API key the app says it is offline and still builds a path", async ({ page }) => {
  const home = new HomePage(page);
  await home.open(OFFLINE_APP_URL);
  // Learners see a small label; how to set AI up is for the README and the server log.
  const label = page.getByTestId("offline-label");
  await expect(label).toHaveText(/^Built-in planner.*not by AI$/);
  await expect(page.locator("body")).not.toContainText("OPENAI_API_KEY");
  await page.screenshot({ path: screenshotPath("home.png"), fullPage: true });

  await page.getByText(/Browse \d+ popular skills/).click();
  const docker = page.getByRole("button", { name: "Docker" });
  await expect(docker).toHaveAttribute("aria-pressed", "false");
  await docker.click();
  await expect(home.topic).toHaveValue("Docker");
  // The chosen chip says so; the others do not.
  await expect(docker).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("[aria-pressed=true]")).toHaveCount(1);
  await home.generate.click();
  await page.waitForURL("**/result");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Docker");
  await expect(label).toBeVisible();
  await expect(page.locator("body")).not.toContainText("OPENAI_API_KEY");
  await expect(page.getByRole("link", { name: "Docker: Get started" }).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("result.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("result-phone.png"), fullPage: true });
  // On a phone nothing is wider than the screen: not the page, not the schedule.
  const overflow = await page.evaluate(() => {
    const schedule = document.querySelector("[data-testid=schedule]")?.parentElement;
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      schedule: schedule ? schedule.scrollWidth - schedule.clientWidth : -1,
    };
  });
  expect(overflow).toEqual({ page: 0, schedule: 0 });
});
