import { type LearningPath, learningPathSchema } from "@/lib/learning-path/path-schema";
import { GUEST_PATH_KEY } from "./storage";

/** The guest's path from this tab, if there is one and it is still a valid path. */
export function loadGuestPath(): LearningPath | undefined {
  const stored = sessionStorage.getItem(GUEST_PATH_KEY);
  if (!stored) return undefined;
  try {
    const parsed = learningPathSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
