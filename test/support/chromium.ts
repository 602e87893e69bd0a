import { existsSync } from "node:fs";

/**
 * How the browser tests and benchmarks start Chromium: Debian's build where installed
 * (CI, this project's machines), else Playwright's own (laptops); CHROMIUM_PATH overrides.
 * The background-networking flags stop Chromium flooding a closed network with requests.
 */
export const chromiumLaunchOptions = {
  executablePath:
    process.env.CHROMIUM_PATH ||
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
