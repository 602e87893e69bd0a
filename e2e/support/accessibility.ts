import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core on the page as it stands, once with the system in light mode and once in
 * dark mode, and fails on any violation, colour contrast included. Motion is reduced so
 * no element is caught half-way through fading in (its colours would be misread).
 */
export async function expectNoAccessibilityViolations(page: Page, where: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const found = violations.flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`,
      ),
    );
    expect(found, `axe-core on ${where} in ${colorScheme} mode`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null, reducedMotion: null });
}
