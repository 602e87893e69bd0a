import type { LearningPath } from "@/lib/learning-path/path-schema";
import { type GenerationCall, type OpenedGenerationStream, openJobStream } from "./generation";
import { callApiForJson } from "./request";

// Changing a saved path after it was generated: regenerate one milestone, re-plan the
// weeks still to come, look at the versions each change kept, and undo the last one.
// The two changes run as generation jobs, streamed and cancelled like a new path
// (contract: /tmp/notes/adapt-contract.md, owned by the server side).

const pathUrl = (id: string) => `/api/paths/${encodeURIComponent(id)}`;

export type PathChangeKind = "generated" | "regenerate-milestone" | "replan" | "undo";

/** One kept version of a saved path, newest first in a list. */
export type PathVersion = {
  id: string;
  number: number;
  createdAt: string;
  change: { kind: PathChangeKind; summary: string };
  current: boolean;
};

/**
 * What a version changed against the one before it: one line per thing a milestone
 * changed (`milestone` 0-based; a whole milestone added or removed has field "milestone").
 */
export type MilestoneChange = {
  milestone: number;
  field?: "milestone" | "title" | "weeks" | "hours" | "resources";
  before?: string;
  after?: string;
};

export type PathVersionDetail = {
  version: PathVersion;
  path: LearningPath;
  changes: MilestoneChange[];
};

/** The new hours or end date for the weeks still to come (one of them, or both). */
export type ReplanRequest = { hoursPerWeek?: number; endDate?: string; fromWeek?: number };

/** Starts regenerating milestone `index` (0-based), with the learner's optional wish. */
export function openMilestoneRegeneration(
  id: string,
  index: number,
  instruction: string,
  call: GenerationCall = {},
): Promise<OpenedGenerationStream> {
  const wish = instruction.trim();
  return openJobStream(
    `${pathUrl(id)}/milestones/${index}/regenerate`,
    wish ? { instruction: wish } : {},
    call,
  );
}

/** Starts planning the unfinished weeks again with new hours and/or a new end date. */
export function openReplan(
  id: string,
  request: ReplanRequest,
  call: GenerationCall = {},
): Promise<OpenedGenerationStream> {
  return openJobStream(`${pathUrl(id)}/replan`, request, call);
}

export async function fetchPathVersions(id: string): Promise<PathVersion[]> {
  const body = await callApiForJson<{ versions: PathVersion[] }>(`${pathUrl(id)}/versions`, {
    method: "GET",
  });
  return body.versions;
}

export function fetchPathVersion(id: string, versionId: string): Promise<PathVersionDetail> {
  return callApiForJson(`${pathUrl(id)}/versions/${encodeURIComponent(versionId)}`, {
    method: "GET",
  });
}

/** Restores the version before the current one, as a new version (so it can be undone). */
export function undoPathChange(id: string): Promise<{ path: LearningPath; version: PathVersion }> {
  return callApiForJson(`${pathUrl(id)}/undo`, { method: "POST" });
}
