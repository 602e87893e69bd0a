import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";
import { expect, test } from "./support/test";

// The app server without OPENAI_API_KEY: the offline engine, said so plainly.
const OFFLINE_APP_URL = "http://127.0.0.1:3101";

test("without an API key the app says it is offline and still builds a path", async ({ page }) => {
  const home = new HomePage(page);
  await home.open(OFFLINE_APP_URL);
  await expect(page.getByTestId("offline-notice")).toContainText("not by AI");
  await expect(page.getByTestId("offline-notice")).toContainText("OPENAI_API_KEY");
  await page.screenshot({ path: screenshotPath("home.png"), fullPage: true });

  await page.getByText(/Browse \d+ popular skills/).click();
  await page.getByRole("button", { name: "Docker" }).click();
  await expect(home.topic).toHaveValue("Docker");
  await home.generate.click();
  await page.waitForURL("**/result");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Docker");
  await expect(page.getByTestId("offline-notice")).toBeVisible();
  await expect(page.getByRole("link", { name: "Docker: Get started" }).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("result.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("result-phone.png"), fullPage: true });
});
