import "server-only";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { learningPathSchema } from "@/lib/learning-path/path-schema";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { getDb } from "./client";

// Saved paths. Every read and write is scoped to the owner: a path that belongs to
// someone else is indistinguishable from one that does not exist.

export type SavedPathStats = {
  promptTokens?: number;
  completionTokens?: number;
  generationMs: number;
};

export type SavedPathSummary = {
  id: string;
  title: string;
  topic: string;
  level: string;
  archived: boolean;
  createdAt: Date;
};

export async function saveLearningPath(
  userId: string,
  request: LearningPathRequest,
  path: LearningPath,
  stats: SavedPathStats,
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
    },
    select: { id: true },
  });
  return saved.id;
}

/** The owner's path, or undefined for a missing id and for someone else's path alike. */
export async function findLearningPathForUser(
  userId: string,
  id: string,
): Promise<{ id: string; path: LearningPath; createdAt: Date } | undefined> {
  const row = await getDb().learningPath.findFirst({
    where: { id, userId },
    select: { id: true, path: true, createdAt: true },
  });
  if (!row) return undefined;
  return { id: row.id, path: learningPathSchema.parse(row.path), createdAt: row.createdAt };
}

export async function listLearningPathsForUser(userId: string): Promise<SavedPathSummary[]> {
  return getDb().learningPath.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, topic: true, level: true, archived: true, createdAt: true },
  });
}

export async function countLearningPathsForUser(userId: string): Promise<number> {
  return getDb().learningPath.count({ where: { userId } });
}
