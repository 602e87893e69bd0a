import { describe, expect, it } from "vitest";
import { findCatalogSkill } from "@/lib/catalog";
import { learningPathSchema } from "@/lib/learning-path/path-schema";
import { LEARNING_STYLES, LEVELS } from "@/lib/learning-path/request-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import type { GenerationEvent } from "@/lib/sse/events";
import { collectEvents, request } from "../support/collect";

// README: without an API key the offline engine builds the path. A topic the catalog
// does not know still gets a whole path, through the same pipeline the app runs: weeks
// 1..N each once, hours adding up to weeks x hours per week, only http(s) links, and the
// learner's own topic (not a catalog skill) in the path and in the links.

const UNKNOWN_TOPICS = [
  "Underwater basket weaving",
  "Ħarmonica & tin whistle: folk tunes #2 / ornaments?",
  "陶芸 (Japanese pottery) 🏺",
  // The longest topic the form accepts.
  `Medieval Icelandic saga manuscripts ${"and their marginalia ".repeat(9)}`.slice(0, 200),
];

async function offlinePath(...args: Parameters<typeof request>) {
  const events: GenerationEvent[] = await collectEvents(new OfflineProvider(), request(...args));
  const last = events.at(-1);
  if (last?.type !== "done") throw new Error(`no path: ${JSON.stringify(last)}`);
  return last.path;
}

const weeks = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe("offline engine on a topic outside the catalog", () => {
  it.each(UNKNOWN_TOPICS)("is really unknown to the catalog: %s", (topic) => {
    expect(findCatalogSkill(topic)).toBeUndefined();
  });

  it.each(
    UNKNOWN_TOPICS.flatMap((topic, t) =>
      [1, 2, 3, 5, 13, 52].flatMap((durationWeeks, d) =>
        [1, 7, 40].map((hoursPerWeek, h) => ({
          topic,
          durationWeeks,
          hoursPerWeek,
          // Every level and learning style comes up across the table.
          level: LEVELS[(t + d + h) % LEVELS.length] ?? "beginner",
          learningStyle: LEARNING_STYLES[(t + 2 * d + h) % LEARNING_STYLES.length] ?? "visual",
        })),
      ),
    ),
  )(
    "builds a whole valid path: $durationWeeks weeks x $hoursPerWeek h, $level, $learningStyle, $topic",
    async (input) => {
      const path = await offlinePath({ ...input, goals: ["Teach a friend"] });

      expect(learningPathSchema.safeParse(path).success).toBe(true);
      expect(path.generatedBy.provider).toBe("offline");

      // Weeks: each milestone starts where the previous one ended; together 1..N once.
      const covered = path.milestones.flatMap((m) =>
        weeks(m.weekEnd - m.weekStart + 1).map((offset) => m.weekStart + offset - 1),
      );
      expect(covered).toEqual(weeks(input.durationWeeks));
      expect(path.schedule.map((week) => week.week)).toEqual(weeks(input.durationWeeks));

      // Hours: milestones, schedule and total all agree with weeks x hours per week.
      const target = input.durationWeeks * input.hoursPerWeek;
      expect(path.totalHours).toBe(target);
      expect(path.milestones.reduce((sum, m) => sum + m.estimatedHours, 0)).toBe(target);
      expect(path.schedule.reduce((sum, week) => sum + week.hours, 0)).toBe(target);

      // Links: every milestone has some, all of them web links.
      for (const milestone of path.milestones) {
        expect(milestone.resources.length).toBeGreaterThanOrEqual(2);
        for (const { url } of milestone.resources) {
          expect(new URL(url).protocol).toMatch(/^https?:$/);
        }
      }

      // The learner's topic is kept: in the path, its title and the links' searches.
      expect(path.topic).toBe(input.topic);
      expect(path.title.startsWith(input.topic.slice(0, 100))).toBe(true);
      const searched = path.milestones
        .flatMap((m) => m.resources)
        .map(({ url }) => [...new URL(url).searchParams.values()].join(" "));
      expect(searched.some((query) => query.includes(input.topic))).toBe(true);
    },
  );
});
