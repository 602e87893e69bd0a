import { z } from "zod/mini";

// The reader's colour theme. "system" follows the operating system's light/dark setting;
// a chosen theme is remembered in this browser by a cookie, so the server can render the
// page in it from the first byte (no flash of the other theme, no inline script).

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";
const YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

const themeSchema = z.catch(z.enum(THEMES), "system");

/** The theme a cookie value names; anything else (absent, edited by hand) means "system". */
export function themeFrom(value: string | undefined): Theme {
  return themeSchema.parse(value);
}

/** The Set-Cookie text that remembers `theme` for a year; "system" forgets the choice. */
export function themeCookie(theme: Theme): string {
  const maxAge = theme === "system" ? 0 : YEAR_IN_SECONDS;
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
}
