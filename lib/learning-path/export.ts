import { createEvents, type EventAttributes } from "ics";
import { z } from "zod";
import { markdownLink, markdownText as md, oneLine } from "./markdown-text";
import type { LearningPath, Milestone, ScheduleWeek } from "./path-schema";
import { startDateSchema } from "./start-date";

// Exports of a path: Markdown to read or print, JSON to keep, and a calendar with one
// all-day event per week of the schedule, starting on the date the learner picks.
// Every piece of the path's text is written as text (escaped), never as markup. Client
// safe: the server sends a saved path's exports, a guest's browser builds its own.

/** What a learner asks for: a format, and for the calendar the day week 1 starts. */
export const pathExportRequestSchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("md") }),
  z.object({ format: z.literal("json") }),
  z.object({ format: z.literal("ics"), start: startDateSchema }),
]);
export type PathExportRequest = z.infer<typeof pathExportRequestSchema>;

/** One exported file: its name, its media type (UTF-8 text) and its contents. */
export type PathExportFile = { fileName: string; mediaType: string; body: string };

/** The path's title as a file name: lower-case ASCII words joined by hyphens. */
export function exportFileName(title: string, extension: string): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "learning-path";
  return `${slug}.${extension}`;
}

/**
 * The file a request asks for. `uidPrefix` keeps a calendar's event ids the same from
 * one export of a path to the next, so a re-import updates the events, not doubles them.
 */
export function exportLearningPath(
  path: LearningPath,
  request: PathExportRequest,
  uidPrefix: string,
): PathExportFile {
  const file = (extension: string, mediaType: string, body: string) => ({
    fileName: exportFileName(path.title, extension),
    mediaType,
    body,
  });
  if (request.format === "md") return file("md", "text/markdown", learningPathToMarkdown(path));
  if (request.format === "json")
    return file("json", "application/json", JSON.stringify(path, null, 2));
  return file("ics", "text/calendar", learningPathToIcs(path, request.start, uidPrefix));
}

const weeks = (start: number, end: number) =>
  start === end ? `Week ${start}` : `Weeks ${start}-${end}`;

export function learningPathToMarkdown(path: LearningPath): string {
  return [
    `# ${md(path.title)}`,
    "",
    md(path.summary),
    "",
    `- Level: ${path.level}`,
    `- Learning style: ${path.learningStyle}`,
    `- Duration: ${path.durationWeeks} weeks, ${path.hoursPerWeek} h/week (${path.totalHours} h total)`,
    "",
    ...(path.goals.length > 0
      ? ["## Goals", "", ...path.goals.map((goal) => `- ${md(goal)}`), ""]
      : []),
    "## Prerequisites",
    "",
    ...path.prerequisites.map((item) => `- ${md(item)}`),
    "",
    "## Milestones",
    "",
    ...path.milestones.flatMap(milestoneMarkdown),
    ...scheduleMarkdown(path.schedule),
    ...careerMarkdown(path.careerInsights),
  ].join("\n");
}

function milestoneMarkdown(milestone: Milestone, index: number): string[] {
  return [
    `### ${index + 1}. ${md(milestone.title)}`,
    "",
    `*${weeks(milestone.weekStart, milestone.weekEnd)} · ${milestone.estimatedHours} h*`,
    "",
    md(milestone.description),
    "",
    ...(milestone.skillsGained.length > 0
      ? [`Skills: ${milestone.skillsGained.map(md).join(", ")}`, ""]
      : []),
    ...milestone.resources.map(
      (resource) =>
        `- ${markdownLink(resource.title, resource.url)} (${resource.type}, ${resource.free ? "free" : "paid"})`,
    ),
    "",
  ];
}

function scheduleMarkdown(schedule: ScheduleWeek[]): string[] {
  return [
    "## Schedule",
    "",
    "| Week | Milestone | Focus | Hours |",
    "| --- | --- | --- | --- |",
    ...schedule.map(
      (week) => `| ${week.week} | ${md(week.milestone)} | ${md(week.focus)} | ${week.hours} |`,
    ),
  ];
}

function careerMarkdown(insights: LearningPath["careerInsights"]): string[] {
  return [
    "",
    "## Career insights",
    "",
    `- Related roles: ${insights.relatedRoles.map(md).join(", ")}`,
    `- Skills in demand: ${insights.skillsInDemand.map(md).join(", ")}`,
    `- Salary: ${md(insights.salaryRange.text)} (${md(insights.salaryRange.region)}). ${md(insights.salaryRange.caveat)}`,
    `- Outlook: ${md(insights.outlook)}`,
    "",
    "Next steps:",
    "",
    ...insights.nextSteps.map((step, index) => `${index + 1}. ${md(step)}`),
    "",
  ];
}

/**
 * Text for a calendar's own name (X-WR-CALNAME), escaped as iCalendar TEXT like the ics
 * package escapes SUMMARY and DESCRIPTION itself (it only encodes line breaks here).
 */
function calendarName(title: string): string {
  return oneLine(title).replace(/[\\;,]/g, "\\$&");
}

/**
 * Any line break as `\n` (the ics package then writes it as `\\n`; a lone CR would
 * have ended the line), any other control character but a tab as a space.
 */
const calendarText = (text: string) =>
  text.replace(/\r\n?|\n/g, "\n").replace(/(?![\n\t])\p{Cc}/gu, " ");

/**
 * An iCalendar file with one all-day, week-long event per schedule week. `start` is a
 * date checked by startDateSchema (./start-date.ts); without one (a calendar feed of a
 * path whose start is not set yet) the calendar is valid but has no events, so an app
 * that subscribed keeps it and shows the weeks once a start date is chosen.
 */
export function learningPathToIcs(
  path: LearningPath,
  start: string | null,
  uidPrefix: string,
): string {
  const header = { productId: "ai-learning-path-generator", calName: calendarName(path.title) };
  const events = start ? weekEvents(path, start, uidPrefix) : [];
  const { error, value } = createEvents(events, header);
  if (error || !value) throw error ?? new Error("calendar could not be built");
  return value;
}

function weekEvents(path: LearningPath, start: string, uidPrefix: string): EventAttributes[] {
  const [year, month, date] = start.split("-").map(Number) as [number, number, number];
  const day = (offset: number): [number, number, number] => {
    const shifted = new Date(Date.UTC(year, month - 1, date + offset));
    return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
  };
  return path.schedule.map((week) => ({
    uid: `${uidPrefix}-week-${week.week}@ai-learning-path`,
    title: calendarText(`Week ${week.week}: ${oneLine(week.milestone)}`),
    description: calendarText(
      `${week.focus}\n\nAbout ${week.hours} h this week. ${oneLine(path.title)}.`,
    ),
    start: day((week.week - 1) * 7),
    end: day(week.week * 7),
  }));
}
