import type { LearningPath } from "@/lib/learning-path/path-schema";

// A guest's finished path lives in the tab (sessionStorage): it survives a reload of the
// result page and disappears with the tab, and nothing about it is kept on the server.
// Reading it back validates it (./load.ts); that needs the path schema, which
// the home page's bundle does without.

export const GUEST_PATH_KEY = "learning-path:guest";

export function saveGuestPath(path: LearningPath): void {
  sessionStorage.setItem(GUEST_PATH_KEY, JSON.stringify(path));
}

export function clearGuestPath(): void {
  sessionStorage.removeItem(GUEST_PATH_KEY);
}
