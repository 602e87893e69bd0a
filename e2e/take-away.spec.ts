import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/accessibility";
import { expect, test } from "./support/accounts";
import { fakeOpenAi } from "./support/fake-openai";
import { HomePage } from "./support/home-page";
import { expectPrintsPathAlone } from "./support/print-view";
import { screenshotPath } from "./support/screenshots";

// Taking a path away: a guest's exports (built in the browser, nothing sent), printing
// the path alone from the result page and a saved path's page, copying a share link,
// and the start date a freshly generated saved path asks for.

test.describe.configure({ timeout: 180_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// Markup, Markdown and iCalendar separators in the topic, which the model's title repeats.
const HOSTILE_TOPIC = "<b>Rust</b> [x](javascript:1); a,b";

test.beforeEach(async () => {
  await fakeOpenAi.reset();
});

async function generate(page: Page, topic: string, weeks = 4): Promise<void> {
  const home = new HomePage(page);
  await home.open();
  await home.fill(topic, { weeks });
  await home.generate.click();
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download;
}

const contents = async (download: Download) => readFile(await download.path(), "utf8");

test("a guest exports Markdown, JSON and a calendar built in the browser, escaped, nothing sent", async ({
  page,
}) => {
  await generate(page, HOSTILE_TOPIC);
  await page.waitForURL("**/result");
  const exports = page.getByTestId("guest-exports");
  await expect(exports).toBeVisible();
  const title = `Learning ${HOSTILE_TOPIC} (fake model)`;
  // Whatever the page asks of the server meanwhile (the router may prefetch a link).
  const sent: string[] = [];
  page.on("request", (request) => sent.push(`${request.method()} ${request.url()}`));

  const markdown = await downloaded(page, () =>
    exports.getByRole("button", { name: "Markdown" }).click(),
  );
  expect(markdown.suggestedFilename()).toBe("learning-b-rust-b-x-javascript-1-a-b-fake-model.md");
  const text = await contents(markdown);
  expect(text.split("\n")[0]).toBe(
    "# Learning &lt;b&gt;Rust&lt;/b&gt; \\[x\\](javascript:1); a,b (fake model)",
  );
  expect(text).not.toContain("<b>");

  const json = await downloaded(page, () => exports.getByRole("button", { name: "JSON" }).click());
  expect(json.suggestedFilename()).toMatch(/fake-model\.json$/);
  const path = JSON.parse(await contents(json));
  expect(path.title).toBe(title);
  expect(path.milestones).toHaveLength(await page.getByTestId("milestone").count());
  expect(path.schedule).toHaveLength(4);

  // The calendar's first day obeys the server's bounds here too.
  const start = exports.getByLabel("Calendar from");
  await start.fill("2101-01-01");
  await exports.getByRole("button", { name: ".ics" }).click();
  await expect(exports.getByRole("alert")).toHaveText("Choose a start date between 1970 and 2100");
  await start.fill("2027-01-04");
  const calendar = await downloaded(page, () =>
    exports.getByRole("button", { name: ".ics" }).click(),
  );
  await expect(exports.getByRole("alert")).toHaveCount(0);
  expect(calendar.suggestedFilename()).toMatch(/fake-model\.ics$/);
  const ics = (await contents(calendar)).replace(/\r\n[ \t]/g, ""); // unfolded
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(path.schedule.length);
  expect(ics).toContain("DTSTART;VALUE=DATE:20270104");
  expect(ics).toContain(
    "X-WR-CALNAME:Learning <b>Rust</b> [x](javascript:1)\\; a\\,b (fake model)",
  );

  // Built here: nothing was posted, no API asked, the path went nowhere. (The page may
  // still re-read today's count after the generation ended: a GET that carries nothing.)
  const asked = sent.filter((line) => !line.startsWith("GET ") || /\/api\/|export/.test(line));
  expect(asked.filter((line) => !/^GET \S+\/api\/quota$/.test(line))).toEqual([]);
  await expectNoAccessibilityViolations(page, "the result page with its exports");
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("result-exports-phone.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: screenshotPath("result-exports-dark.png") });
});

test("a guest prints the path alone from the result page", async ({ page }) => {
  await generate(page, "Rust");
  await page.waitForURL("**/result");
  await expect(page.getByTestId("print-path")).toBeVisible();
  // window.print() opens a dialog a headless browser cannot show; count the calls.
  await page.evaluate(() => {
    const printed = { count: 0 };
    Object.assign(window, { printed });
    window.print = () => {
      printed.count++;
    };
  });
  await page.getByTestId("print-path").click();
  expect(
    await page.evaluate(() => (window as unknown as { printed: { count: number } }).printed.count),
  ).toBe(1);

  await page.setViewportSize(DESKTOP);
  await expectPrintsPathAlone(page);
  await expect(page.getByText("This path is only kept in this tab.")).toBeHidden();
  await page.screenshot({ path: screenshotPath("print-result.png"), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("print-result-phone.png"), fullPage: true });
});

test("a freshly generated saved path offers today as its start; it prints alone; its share link copies", async ({
  signedInPage: page,
}) => {
  await generate(page, "Go");
  await page.waitForURL(/\/paths\/[a-z0-9]+$/);
  await expect(page.getByTestId("no-start-date")).toBeVisible();
  const start = page.getByLabel("When do you start?");
  await expect(start).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  expect(await start.inputValue()).toBe(
    await page.evaluate(() => new Date().toLocaleDateString("sv")), // the browser's today
  );
  await page.getByRole("button", { name: "Set start date" }).click();
  await expect(page.getByTestId("this-week-heading")).toHaveText("Week 1 of 4");

  await page.getByRole("button", { name: "Share a read-only link" }).click();
  const link = (await page.getByTestId("share-link").getAttribute("href")) ?? "";
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3100\/shared\//);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-share-link").click();
  await expect(page.getByTestId("copy-status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectNoAccessibilityViolations(page, "a saved path after copying its link");

  // A browser that refuses the clipboard gets the link selected instead.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
  });
  await page.getByTestId("copy-share-link").click();
  await expect(page.getByTestId("copy-status")).toHaveText(/^Link selected/);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(link);

  await page.setViewportSize(DESKTOP);
  await expectPrintsPathAlone(page);
  await expect(page.getByTestId("this-week")).toBeVisible();
  await expect(page.getByTestId("share")).toBeHidden();
  await page.screenshot({ path: screenshotPath("print-saved-path.png"), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: screenshotPath("print-saved-path-phone.png"), fullPage: true });
  await page.emulateMedia({ media: "screen", colorScheme: "light" });
  await page.screenshot({ path: screenshotPath("saved-path-phone.png"), fullPage: true });
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  await page.screenshot({ path: screenshotPath("saved-path-dark-phone.png"), fullPage: true });
});
