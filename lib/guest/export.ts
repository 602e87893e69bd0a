import {
  exportLearningPath,
  type PathExportFile,
  type PathExportRequest,
} from "@/lib/learning-path/export";
import type { LearningPath } from "@/lib/learning-path/path-schema";

// A guest's path is not on the server, so the guest's browser builds its exports with
// the same code the server uses for saved paths (same names, same contents, same
// escaping) and hands them over as downloads. Nothing is sent anywhere.

/**
 * Calendar event ids for a guest path: from when it was generated, so exporting the
 * same path twice gives the same ids (a re-import updates the events).
 */
export function guestCalendarId(path: LearningPath): string {
  return `guest-${path.generatedAt.replace(/[^0-9A-Za-z]/g, "")}`;
}

/** The export a guest asked for, built here in the browser. */
export function exportGuestPath(path: LearningPath, request: PathExportRequest): PathExportFile {
  return exportLearningPath(path, request, guestCalendarId(path));
}

/** Saves `file` through the browser's download, from memory (a Blob URL). */
export function downloadFile(file: PathExportFile): void {
  const blob = new Blob([file.body], { type: `${file.mediaType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Freed later, not at once: the browser may read the Blob after click() returns (the
  // download starts asynchronously), and a revoked URL would fail it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
