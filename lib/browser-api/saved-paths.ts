import type { LearningPath } from "@/lib/learning-path/path-schema";
import type { PathProgress, ProgressChange } from "@/lib/learning-path/progress";
import { callApi, callApiForJson } from "./request";

// Calls about a signed-in learner's saved paths. The server checks ownership on each.

const pathUrl = (id: string) => `/api/paths/${encodeURIComponent(id)}`;

/** Saves the path a guest generated in this tab to the account they have signed in to. */
export async function saveGuestPathToAccount(
  path: LearningPath,
  startDate: string,
): Promise<{ id: string; redirectUrl: string }> {
  const body = await callApiForJson<{ id: string; redirect_url: string }>("/api/paths", {
    method: "POST",
    json: { path, startDate },
  });
  return { id: body.id, redirectUrl: body.redirect_url };
}

export type SavedPathChange = { title: string } | { archived: boolean } | { startDate: string };

/** Renames, archives or unarchives a saved path, or sets its start date. */
export async function changeSavedPath(id: string, change: SavedPathChange): Promise<void> {
  await callApi(pathUrl(id), { method: "PATCH", json: change });
}

export async function deleteSavedPath(id: string): Promise<void> {
  await callApi(pathUrl(id), { method: "DELETE" });
}

/** Ticks or unticks one item; resolves with the progress the server now holds. */
export async function saveProgressChange(
  id: string,
  change: ProgressChange,
): Promise<{ progress: PathProgress; completion: number }> {
  return callApiForJson(`${pathUrl(id)}/progress`, { method: "PATCH", json: change });
}

/** Turns the public read-only link on or off; resolves with the link (null when off). */
export async function setPathSharing(id: string, shared: boolean): Promise<string | null> {
  const body = await callApiForJson<{ url: string | null }>(`${pathUrl(id)}/share`, {
    method: shared ? "POST" : "DELETE",
  });
  return body.url;
}

/** Publishes a calendar feed under a new secret URL, or stops it; resolves with the URL (null when off). */
export async function setPathCalendarFeed(id: string, published: boolean): Promise<string | null> {
  const body = await callApiForJson<{ url: string | null }>(`${pathUrl(id)}/calendar-feed`, {
    method: published ? "POST" : "DELETE",
  });
  return body.url;
}
