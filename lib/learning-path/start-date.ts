import { z } from "zod";

// A saved path's start date: a calendar day ("2026-11-30"), no time and no zone, so the
// week a learner is in does not move with the server's clock or the browser's zone.

const DAY_MS = 86_400_000;

/** The first and last days a start date may be (the date inputs' min and max too). */
export const START_DATE_MIN = "1970-01-01";
export const START_DATE_MAX = "2100-12-31";

/**
 * A real calendar day between 1970 and 2100, as YYYY-MM-DD: a path's start and a
 * calendar export's first day. Four-digit years that the ics format and calendar apps
 * read alike (year 0 became 1900; 9999 gave nine-digit dates).
 */
export const startDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a start date as YYYY-MM-DD")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    // Round-tripping rejects days that do not exist, such as 2026-02-30.
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, "Choose a start date that exists")
  // Same-length YYYY-MM-DD strings compare as the days they name.
  .refine(
    (text) => text >= START_DATE_MIN && text <= START_DATE_MAX,
    "Choose a start date between 1970 and 2100",
  );

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Today as a calendar day. UTC, on purpose: the server has no reliable zone for the
 * learner, and a week boundary a few hours off does not change what to do this week.
 */
export const todayUtc = (now: Date = new Date()) => now.toISOString().slice(0, 10);

/** A stored date (midnight UTC) as the calendar day it stands for. */
export const calendarDay = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar day `days` after `day`. */
export function addDays(day: string, days: number): string {
  return calendarDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}
