import "server-only";
import { randomBytes } from "node:crypto";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { learningPathSchema } from "@/lib/learning-path/path-schema";
import { calendarDay } from "@/lib/learning-path/start-date";
import { getDb } from "./client";

// Calendar feeds: a saved path published at a secret URL that calendar apps subscribe to.
// The owner turns it on (a new token, so an old URL stops working) and off; the feed
// itself is read by token alone, since a calendar app has no session.

/** The shape every feed token has (24 random bytes as base64url), like a share token. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * Publishes the owner's path as a feed under a fresh token (revoking any earlier one), or
 * stops it. Undefined when the path is not theirs.
 */
export async function setCalendarFeed(
  userId: string,
  id: string,
  published: boolean,
): Promise<{ calendarToken: string | null } | undefined> {
  const calendarToken = published ? randomBytes(24).toString("base64url") : null;
  const { count } = await getDb().learningPath.updateMany({
    where: { id, userId },
    data: { calendarToken },
  });
  return count > 0 ? { calendarToken } : undefined;
}

/** The owner's feed token, null while the feed is off; undefined when the path is not theirs. */
export async function findCalendarFeedToken(
  userId: string,
  id: string,
): Promise<string | null | undefined> {
  const row = await getDb().learningPath.findFirst({
    where: { id, userId },
    select: { calendarToken: true },
  });
  return row ? row.calendarToken : undefined;
}

/** What a feed serves: the path as it is now, and its start date (null until one is set). */
export type CalendarFeedSource = { pathId: string; path: LearningPath; startDate: string | null };

/** The path behind a feed token, read fresh on every fetch so re-plans reach calendars. */
export async function findCalendarFeedSource(
  token: string,
): Promise<CalendarFeedSource | undefined> {
  if (!FEED_TOKEN.test(token)) return undefined;
  const row = await getDb().learningPath.findUnique({
    where: { calendarToken: token },
    select: { id: true, path: true, startDate: true },
  });
  if (!row) return undefined;
  return {
    pathId: row.id,
    path: learningPathSchema.parse(row.path),
    startDate: row.startDate ? calendarDay(row.startDate) : null,
  };
}
