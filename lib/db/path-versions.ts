import "server-only";
import { AppError } from "@/lib/errors";
import { carryProgress } from "@/lib/learning-path/carry-progress";
import { type LearningPath, learningPathSchema } from "@/lib/learning-path/path-schema";
import { type PathProgress, readProgress } from "@/lib/learning-path/progress";
import { getDb } from "./client";
import type { Prisma } from "./generated/client";
import { QUEUED_TRANSACTION } from "./queued-transaction";

// The versions of a saved path. Every change (a regenerated milestone, a re-plan, an
// undo) adds a version and makes it current; none is ever overwritten, so each change
// can be seen and undone. Every query is scoped to the path's owner. A change is written
// with the path's row locked (FOR UPDATE, like a tick): a tick that arrives meanwhile
// waits and then lands on the new version, and one that came first is carried over.

export const VERSION_KINDS = ["generated", "regenerate-milestone", "replan", "undo"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export type PathVersion = {
  id: string;
  number: number;
  createdAt: Date;
  change: { kind: VersionKind; summary: string };
  current: boolean;
};

type VersionRow = {
  id: string;
  number: number;
  kind: string;
  summary: string;
  createdAt: Date;
};

const VERSION_FIELDS = { id: true, number: true, kind: true, summary: true, createdAt: true };

function toVersion(row: VersionRow, currentNumber: number): PathVersion {
  const kind = (VERSION_KINDS as readonly string[]).includes(row.kind)
    ? (row.kind as VersionKind)
    : "generated";
  return {
    id: row.id,
    number: row.number,
    createdAt: row.createdAt,
    change: { kind, summary: row.summary },
    current: row.number === currentNumber,
  };
}

/** The owner's path's versions, newest first; undefined when the path is not theirs. */
export async function listPathVersions(
  userId: string,
  pathId: string,
): Promise<PathVersion[] | undefined> {
  const row = await getDb().learningPath.findFirst({
    where: { id: pathId, userId },
    select: { version: true, versions: { select: VERSION_FIELDS, orderBy: { number: "desc" } } },
  });
  return row?.versions.map((version) => toVersion(version, row.version));
}

/** One version with its path and the version before it (for "what changed"). */
export async function findPathVersion(
  userId: string,
  pathId: string,
  versionId: string,
): Promise<{ version: PathVersion; path: LearningPath; previous?: LearningPath } | undefined> {
  const db = getDb();
  const owner = await db.learningPath.findFirst({
    where: { id: pathId, userId },
    select: { version: true },
  });
  if (!owner) return undefined;
  const row = await db.learningPathVersion.findFirst({
    where: { id: versionId, pathId },
    select: { ...VERSION_FIELDS, path: true },
  });
  if (!row) return undefined;
  const previous = await db.learningPathVersion.findUnique({
    where: { pathId_number: { pathId, number: row.number - 1 } },
    select: { path: true },
  });
  return {
    version: toVersion(row, owner.version),
    path: learningPathSchema.parse(row.path),
    previous: previous ? learningPathSchema.parse(previous.path) : undefined,
  };
}

/** The owner's path as an adaptation starts from it: its content and version number. */
export async function findPathToAdapt(
  userId: string,
  pathId: string,
): Promise<
  | { path: LearningPath; progress: PathProgress; version: number; startDate: Date | null }
  | undefined
> {
  const row = await getDb().learningPath.findFirst({
    where: { id: pathId, userId },
    select: { path: true, progress: true, version: true, startDate: true },
  });
  if (!row) return undefined;
  return {
    path: learningPathSchema.parse(row.path),
    progress: readProgress(row.progress),
    version: row.version,
    startDate: row.startDate,
  };
}

type LockedPath = { path: LearningPath; progress: PathProgress; version: number };

/** Locks the owner's path row for the rest of the transaction (ticks wait for it). */
async function lockPath(
  tx: Prisma.TransactionClient,
  userId: string,
  pathId: string,
): Promise<LockedPath | undefined> {
  const [row] = await tx.$queryRaw<{ path: unknown; progress: unknown; version: number }[]>`
    SELECT "path", "progress", "version" FROM "LearningPath"
    WHERE "id" = ${pathId} AND "userId" = ${userId} FOR UPDATE`;
  if (!row) return undefined;
  return {
    path: learningPathSchema.parse(row.path),
    progress: readProgress(row.progress),
    version: Number(row.version),
  };
}

/** Makes `path` the current version (number `locked.version + 1`), carrying the ticks over. */
async function addVersion(
  tx: Prisma.TransactionClient,
  pathId: string,
  locked: LockedPath,
  change: { kind: VersionKind; summary: string; path: LearningPath },
) {
  const number = locked.version + 1;
  const progress = carryProgress(locked.path, change.path, locked.progress);
  await tx.learningPath.update({
    where: { id: pathId },
    data: { path: change.path, progress, version: number },
  });
  const row = await tx.learningPathVersion.create({
    data: { pathId, number, kind: change.kind, summary: change.summary, path: change.path },
    select: VERSION_FIELDS,
  });
  return { version: toVersion(row, number), path: change.path, progress };
}

export type SavedChange = Awaited<ReturnType<typeof addVersion>>;

/**
 * Saves an adaptation's result as the new current version. It must start from the
 * version the adaptation read (`fromVersion`): if another change was saved meanwhile,
 * this one would silently undo it, so it is refused (409 path_changed).
 */
export async function saveAdaptedPath(
  userId: string,
  pathId: string,
  change: { fromVersion: number; kind: VersionKind; summary: string; path: LearningPath },
): Promise<SavedChange> {
  return getDb().$transaction(async (tx) => {
    const locked = await lockPath(tx, userId, pathId);
    if (!locked) throw new AppError("not_found");
    if (locked.version !== change.fromVersion) throw new AppError("path_changed");
    return addVersion(tx, pathId, locked, change);
  }, QUEUED_TRANSACTION);
}

/**
 * Undo: the version before the current one becomes current again, as a new version, so
 * an undo can itself be undone. 409 nothing_to_undo on the first version.
 */
export async function undoPathChange(userId: string, pathId: string): Promise<SavedChange> {
  return getDb().$transaction(async (tx) => {
    const locked = await lockPath(tx, userId, pathId);
    if (!locked) throw new AppError("not_found");
    const back = await tx.learningPathVersion.findUnique({
      where: { pathId_number: { pathId, number: locked.version - 1 } },
      select: { path: true, number: true },
    });
    if (!back) throw new AppError("nothing_to_undo");
    const path = learningPathSchema.parse(back.path);
    return addVersion(tx, pathId, locked, {
      kind: "undo",
      summary: `Back to version ${back.number}`,
      path,
    });
  }, QUEUED_TRANSACTION);
}
