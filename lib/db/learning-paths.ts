import "server-only";
import { randomBytes } from "node:crypto";
import type { GenerationStats } from "@/lib/learning-path/generation-stats";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { learningPathSchema } from "@/lib/learning-path/path-schema";
import {
  applyProgressChange,
  changeFitsPath,
  completionPercent,
  type PathProgress,
  type ProgressChange,
  readProgress,
} from "@/lib/learning-path/progress";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type { SavedPathSummary } from "@/lib/learning-path/saved-path-summary";
import { calendarDay, todayUtc } from "@/lib/learning-path/start-date";
import { weekStanding } from "@/lib/learning-path/this-week";
import { getDb } from "./client";
import { QUEUED_TRANSACTION } from "./queued-transaction";

// Saved paths. Every read and write is scoped to the owner: a path that belongs to
// someone else is indistinguishable from one that does not exist.

export async function saveLearningPath(
  userId: string,
  request: LearningPathRequest,
  path: LearningPath,
  stats: GenerationStats,
  startDate?: string,
): Promise<string> {
  const saved = await getDb().learningPath.create({
    data: {
      userId,
      title: path.title,
      topic: path.topic,
      level: path.level,
      inputs: request,
      path,
      provider: path.generatedBy.provider,
      model: path.generatedBy.model,
      promptTokens: stats.promptTokens,
      completionTokens: stats.completionTokens,
      generationMs: stats.generationMs,
      startDate: startDate ? dayAsDate(startDate) : undefined,
      // Version 1: what an undo can go back to once the path has been adapted.
      versions: { create: { number: 1, kind: "generated", summary: "Generated", path } },
    },
    select: { id: true },
  });
  return saved.id;
}

/** The owner's path, or undefined for a missing id and for someone else's path alike. */
export type SavedLearningPath = {
  id: string;
  path: LearningPath;
  progress: PathProgress;
  shareToken: string | null;
  /** YYYY-MM-DD, or null until the learner picks one. */
  startDate: string | null;
  createdAt: Date;
};

// A DATE column comes back as midnight UTC of that day.
const dayAsDate = (day: string) => new Date(`${day}T00:00:00Z`);

export async function findLearningPathForUser(
  userId: string,
  id: string,
): Promise<SavedLearningPath | undefined> {
  const row = await getDb().learningPath.findFirst({
    where: { id, userId },
    select: {
      id: true,
      path: true,
      progress: true,
      shareToken: true,
      startDate: true,
      createdAt: true,
    },
  });
  if (!row) return undefined;
  return {
    id: row.id,
    path: learningPathSchema.parse(row.path),
    progress: readProgress(row.progress),
    shareToken: row.shareToken,
    startDate: row.startDate ? calendarDay(row.startDate) : null,
    createdAt: row.createdAt,
  };
}

/**
 * Turns the owner's public read-only link on (a new unguessable token) or off. Undefined
 * when the path is not theirs.
 */
export async function setLearningPathSharing(
  userId: string,
  id: string,
  shared: boolean,
): Promise<{ shareToken: string | null } | undefined> {
  const shareToken = shared ? randomBytes(24).toString("base64url") : null;
  const { count } = await getDb().learningPath.updateMany({
    where: { id, userId },
    data: { shareToken },
  });
  return count > 0 ? { shareToken } : undefined;
}

/** A shared path by its token: the path only, no progress, owner or ids. */
export async function findSharedLearningPath(token: string): Promise<LearningPath | undefined> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  const row = await getDb().learningPath.findUnique({
    where: { shareToken: token },
    select: { path: true },
  });
  return row ? learningPathSchema.parse(row.path) : undefined;
}

/**
 * Applies one tick or untick to the owner's path. Undefined when the path is not theirs
 * or the item does not exist, so callers answer 404 for both.
 */
export async function updateLearningPathProgress(
  userId: string,
  id: string,
  change: ProgressChange,
): Promise<{ progress: PathProgress; completion: number } | undefined> {
  return getDb().$transaction(async (tx) => {
    // The tick rewrites the whole progress column: lock the row first, so a parallel tick
    // waits for this one and builds on its result instead of on the same old value.
    const [row] = await tx.$queryRaw<{ path: unknown; progress: unknown }[]>`
      SELECT "path", "progress" FROM "LearningPath"
      WHERE "id" = ${id} AND "userId" = ${userId} FOR UPDATE`;
    if (!row) return undefined;
    const path = learningPathSchema.parse(row.path);
    if (!changeFitsPath(path, change)) return undefined;
    const progress = applyProgressChange(path, readProgress(row.progress), change);
    await tx.learningPath.update({ where: { id }, data: { progress } });
    return { progress, completion: completionPercent(path, progress) };
  }, QUEUED_TRANSACTION);
}

/** The owner's paths, each with its completion and its standing on `today` (YYYY-MM-DD). */
export async function listLearningPathsForUser(
  userId: string,
  today: string = todayUtc(),
): Promise<SavedPathSummary[]> {
  const rows = await getDb().learningPath.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      topic: true,
      level: true,
      archived: true,
      createdAt: true,
      path: true,
      progress: true,
      startDate: true,
    },
  });
  return rows.map(({ path, progress, startDate, ...summary }) => {
    const parsed = learningPathSchema.parse(path);
    const ticks = readProgress(progress);
    return {
      ...summary,
      completion: completionPercent(parsed, ticks),
      standing: startDate ? weekStanding(parsed, ticks, calendarDay(startDate), today) : null,
    };
  });
}

export async function countLearningPathsForUser(userId: string): Promise<number> {
  return getDb().learningPath.count({ where: { userId } });
}

/** Renames or (un)archives the owner's path; undefined when it is not theirs. */
export async function updateLearningPathForUser(
  userId: string,
  id: string,
  change: { title?: string; archived?: boolean; startDate?: string },
): Promise<{ id: string; title: string; archived: boolean } | undefined> {
  return getDb().$transaction(async (tx) => {
    const row = await tx.learningPath.findFirst({ where: { id, userId }, select: { path: true } });
    if (!row) return undefined;
    const path =
      change.title === undefined
        ? undefined
        : { ...learningPathSchema.parse(row.path), title: change.title };
    return tx.learningPath.update({
      where: { id },
      data: {
        title: change.title,
        archived: change.archived,
        startDate: change.startDate ? dayAsDate(change.startDate) : undefined,
        ...(path ? { path } : {}),
      },
      select: { id: true, title: true, archived: true },
    });
  });
}

/** Deletes the owner's path; false when it is not theirs. */
export async function deleteLearningPathForUser(userId: string, id: string): Promise<boolean> {
  const { count } = await getDb().learningPath.deleteMany({ where: { id, userId } });
  return count > 0;
}
