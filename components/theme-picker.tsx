"use client";

import { useState } from "react";
import { type Theme, themeCookie, themeFrom } from "@/lib/theme";

const LABELS: Record<Theme, string> = { system: "System theme", light: "Light", dark: "Dark" };

/** Light, dark or the system's setting; applied at once and remembered in this browser. */
export function ThemePicker({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);

  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.dataset.theme = next;
    // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the server reads it to render the theme
    document.cookie = themeCookie(next);
  }

  return (
    <label className="text-sm">
      <span className="sr-only">Colour theme</span>
      <select
        value={theme}
        onChange={(event) => choose(themeFrom(event.target.value))}
        data-testid="theme-picker"
        className="rounded-md border border-slate-300 bg-transparent px-1.5 py-1 text-slate-700 dark:border-slate-600 dark:text-slate-200"
      >
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value} className="bg-white dark:bg-slate-900">
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
