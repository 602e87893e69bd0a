import { type LearningPath, learningPathSchema } from "@/lib/learning-path/path-schema";

// A guest's finished path lives in the tab (sessionStorage): it survives a reload of the
// result page and disappears with the tab, and nothing about it is kept on the server.

const KEY = "learning-path:guest";

export function saveGuestPath(path: LearningPath): void {
  sessionStorage.setItem(KEY, JSON.stringify(path));
}

export function loadGuestPath(): LearningPath | undefined {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return undefined;
  try {
    const parsed = learningPathSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function clearGuestPath(): void {
  sessionStorage.removeItem(KEY);
}
