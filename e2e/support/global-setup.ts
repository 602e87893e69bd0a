import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../test/support/chromium";

/**
 * `npm ci && npm test` on a developer's laptop: with no system Chromium (CHROMIUM_PATH,
 * /usr/bin/chromium) and no Playwright browser yet, install Playwright's own (it needs
 * the internet; CI and this project's machines use Debian's Chromium instead).
 */
export default function globalSetup(): void {
  const executable = chromiumLaunchOptions.executablePath ?? chromium.executablePath();
  if (existsSync(executable)) return;
  if (chromiumLaunchOptions.executablePath) {
    throw new Error(`CHROMIUM_PATH names ${executable}, which does not exist`);
  }
  console.log("No Chromium found: installing Playwright's own (npx playwright install chromium)");
  execFileSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
}
