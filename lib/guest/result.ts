import type { LearningPath } from "@/lib/learning-path/path-schema";

/**
 * Guests' paths are not stored on the server: the done frame carries the path, the
 * browser keeps it for the tab and shows it at this address.
 */
export const GUEST_RESULT_URL = "/result";

export async function handToGuest(_path: LearningPath): Promise<string> {
  return GUEST_RESULT_URL;
}
