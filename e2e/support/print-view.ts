import { expect, type Locator, type Page } from "@playwright/test";

/** Whether the page's background is white paper: body's colour, no gradient image. */
function bodyIsWhitePaper(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return style.backgroundImage === "none" && style.backgroundColor === "rgb(255, 255, 255)";
  });
}

const computed = (
  locator: Locator,
  property: "color" | "breakInside" | "content",
  pseudo?: string,
) =>
  locator.evaluate((element, [name, after]) => getComputedStyle(element, after ?? null)[name], [
    property,
    pseudo,
  ] as const);

/**
 * Looks at the page as it prints, with the screen in dark mode so a leak would show: the
 * site header, every button, form and dialog gone, white paper and the light theme's
 * colours, link addresses printed, milestones kept whole. Leaves the page in print media.
 */
export async function expectPrintsPathAlone(page: Page): Promise<void> {
  const milestone = page.getByTestId("milestone").first();
  const resourceLink = milestone.getByRole("link").first();
  await page.emulateMedia({ media: "screen", colorScheme: "light" });
  const lightColour = await computed(resourceLink, "color");
  await expect(page.getByRole("banner")).toBeVisible();

  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeHidden();
  await expect(page.getByTestId("learning-path")).toBeVisible();
  await expect(page.getByTestId("timeline").locator("svg")).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0); // only visible ones count
  await expect(page.locator("form:visible, dialog:visible")).toHaveCount(0);
  expect(await bodyIsWhitePaper(page)).toBe(true);
  expect(await computed(resourceLink, "color")).toBe(lightColour);
  const href = await resourceLink.getAttribute("href");
  expect(await computed(resourceLink, "content", "::after")).toBe(`" (${href})"`);
  expect(await computed(milestone, "breakInside")).toBe("avoid");
}
