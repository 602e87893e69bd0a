import { createEvents, type EventAttributes } from "ics";
import type { LearningPath, Milestone, ScheduleWeek } from "./path-schema";

// Exports of a saved path: Markdown to read or print, JSON to keep, and a calendar with
// one all-day event per week of the schedule, starting on the date the learner picks.

const weeks = (start: number, end: number) =>
  start === end ? `Week ${start}` : `Weeks ${start}-${end}`;

export function learningPathToMarkdown(path: LearningPath): string {
  return [
    `# ${path.title}`,
    "",
    path.summary,
    "",
    `- Level: ${path.level}`,
    `- Learning style: ${path.learningStyle}`,
    `- Duration: ${path.durationWeeks} weeks, ${path.hoursPerWeek} h/week (${path.totalHours} h total)`,
    "",
    ...(path.goals.length > 0
      ? ["## Goals", "", ...path.goals.map((goal) => `- ${goal}`), ""]
      : []),
    "## Prerequisites",
    "",
    ...path.prerequisites.map((item) => `- ${item}`),
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
    `### ${index + 1}. ${milestone.title}`,
    "",
    `*${weeks(milestone.weekStart, milestone.weekEnd)} · ${milestone.estimatedHours} h*`,
    "",
    milestone.description,
    "",
    ...(milestone.skillsGained.length > 0
      ? [`Skills: ${milestone.skillsGained.join(", ")}`, ""]
      : []),
    ...milestone.resources.map(
      (resource) =>
        `- [${resource.title}](${resource.url}) (${resource.type}, ${resource.free ? "free" : "paid"})`,
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
      (week) => `| ${week.week} | ${week.milestone} | ${week.focus} | ${week.hours} |`,
    ),
  ];
}

function careerMarkdown(insights: LearningPath["careerInsights"]): string[] {
  return [
    "",
    "## Career insights",
    "",
    `- Related roles: ${insights.relatedRoles.join(", ")}`,
    `- Skills in demand: ${insights.skillsInDemand.join(", ")}`,
    `- Salary: ${insights.salaryRange.text} (${insights.salaryRange.region}). ${insights.salaryRange.caveat}`,
    `- Outlook: ${insights.outlook}`,
    "",
    "Next steps:",
    "",
    ...insights.nextSteps.map((step, index) => `${index + 1}. ${step}`),
    "",
  ];
}

/** An iCalendar file with one all-day, week-long event per schedule week. */
export function learningPathToIcs(path: LearningPath, start: Date, uidPrefix: string): string {
  const day = (offset: number): [number, number, number] => {
    const date = new Date(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + offset),
    );
    return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  };
  const events: EventAttributes[] = path.schedule.map((week) => ({
    uid: `${uidPrefix}-week-${week.week}@ai-learning-path`,
    productId: "ai-learning-path-generator",
    calName: path.title,
    title: `Week ${week.week}: ${week.milestone}`,
    description: `${week.focus}\n\nAbout ${week.hours} h this week. ${path.title}.`,
    start: day((week.week - 1) * 7),
    end: day(week.week * 7),
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("calendar could not be built");
  return value;
}
