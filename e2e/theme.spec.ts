import type { Page } from "@playwright/test";
import { HomePage } from "./support/home-page";
import { screenshotPath } from "./support/screenshots";
import { expect, test } from "./support/test";

// Dark mode: the system's setting by default, or the reader's choice, remembered in this
// browser and rendered by the server (so the first paint is already in the right theme).

const OFFLINE_APP_URL = "http://127.0.0.1:3101";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Whether the page's text is light (dark mode): its colour drawn and read back as RGB. */
function pageIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d");
    if (!context) throw new Error("no 2d canvas");
    context.fillStyle = getComputedStyle(document.body).color;
    context.fillRect(0, 0, 1, 1);
    const [red = 0, green = 0, blue = 0] = context.getImageData(0, 0, 1, 1).data;
    return (red + green + blue) / 3 > 128;
  });
}

/** The theme the server writes into the page's HTML, before any script could run. */
async function servedTheme(page: Page, url: string): Promise<string | undefined> {
  const html = await (await page.request.get(url)).text();
  return html.match(/<html[^>]*data-theme="(\w+)"/)?.[1];
}

test("the theme follows the system until the reader picks one, which the server remembers", async ({
  page,
}) => {
  const home = new HomePage(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await home.open();
  expect(await pageIsDark(page)).toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await pageIsDark(page)).toBe(false);

  const picker = page.getByLabel("Colour theme");
  await picker.selectOption("dark");
  expect(await pageIsDark(page)).toBe(true);
  expect(await servedTheme(page, "/")).toBe("dark");
  await page.reload();
  await expect(picker).toHaveValue("dark");
  expect(await pageIsDark(page)).toBe(true);

  await page.emulateMedia({ colorScheme: "dark" });
  await picker.selectOption("light");
  expect(await pageIsDark(page)).toBe(false);
  expect(await servedTheme(page, "/sign-in")).toBe("light");

  await picker.selectOption("system");
  expect(await pageIsDark(page)).toBe(true);
  expect(await servedTheme(page, "/")).toBe("system");
});

test("dark mode screenshots: home and a path on a phone and a desktop", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize(DESKTOP);
  const home = new HomePage(page);
  await home.open(OFFLINE_APP_URL);
  expect(await pageIsDark(page)).toBe(true);
  await page.screenshot({ path: screenshotPath("home-dark.png"), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("home-dark-phone.png"), fullPage: true });

  await page.setViewportSize(DESKTOP);
  await home.fill("Docker", { weeks: 4 });
  await home.generate.click();
  await page.waitForURL("**/result");
  await expect(page.getByTestId("milestone").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("result-dark.png"), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("result-dark-phone.png"), fullPage: true });
});
