import path from "node:path";

/**
 * Where a test saves a screenshot to look at: test-results/screenshots/ (ignored by git,
 * so `npm test` leaves the work tree as it found it), or the README's docs/screenshots/
 * when `npm run screenshots` sets UPDATE_SCREENSHOTS.
 */
export function screenshotPath(name: string): string {
  const folder = process.env.UPDATE_SCREENSHOTS ? "docs/screenshots" : "test-results/screenshots";
  return path.join(folder, name);
}
