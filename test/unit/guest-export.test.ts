import { beforeAll, describe, expect, it } from "vitest";
import { exportGuestPath, guestCalendarId } from "@/lib/guest/export";
import {
  exportFileName,
  exportLearningPath,
  pathExportRequestSchema,
} from "@/lib/learning-path/export";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request } from "../support/collect";

// Guests export in their browser with the code the server uses for saved paths: the
// same request rules, file names and contents; only the calendar's event ids differ.

let samplePath: LearningPath;
beforeAll(async () => {
  const done = (await collectEvents(new OfflineProvider(), request({ durationWeeks: 4 }))).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  samplePath = done.path;
});

describe("export file names", () => {
  it("are the title's ASCII words joined by hyphens, at most 60 characters", () => {
    expect(exportFileName("Learn Go: from zero!", "md")).toBe("learn-go-from-zero.md");
    expect(exportFileName("Ünïcode ☃ only ✓", "ics")).toBe("n-code-only.ics");
    expect(exportFileName("日本語", "json")).toBe("learning-path.json");
    expect(exportFileName(`${"a".repeat(80)}`, "md")).toBe(`${"a".repeat(60)}.md`);
  });
});

describe("export requests", () => {
  it("need a known format, and a start date in bounds for the calendar", () => {
    expect(pathExportRequestSchema.safeParse({ format: "md" }).success).toBe(true);
    expect(pathExportRequestSchema.safeParse({ format: "pdf" }).success).toBe(false);
    expect(pathExportRequestSchema.safeParse({ format: "ics" }).success).toBe(false);
    for (const start of ["2101-01-01", "1969-12-31", "2026-02-30", "", null]) {
      expect(pathExportRequestSchema.safeParse({ format: "ics", start }).success, `${start}`).toBe(
        false,
      );
    }
    expect(pathExportRequestSchema.safeParse({ format: "ics", start: "2027-01-04" }).success).toBe(
      true,
    );
  });
});

describe("a guest's export", () => {
  it("is the saved path's export: same name, type and contents for Markdown and JSON", () => {
    for (const format of ["md", "json"] as const) {
      expect(exportGuestPath(samplePath, { format })).toEqual(
        exportLearningPath(samplePath, { format }, "any-saved-id"),
      );
    }
    const json = exportGuestPath(samplePath, { format: "json" });
    expect(json.mediaType).toBe("application/json");
    expect(JSON.parse(json.body)).toEqual(samplePath);
  });

  it("gives a calendar whose event ids stay the same for one path and differ between paths", () => {
    const ics = exportGuestPath(samplePath, { format: "ics", start: "2027-01-04" });
    expect(ics.fileName).toMatch(/\.ics$/);
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(samplePath.schedule.length);
    const uids = (body: string) => body.match(/^UID:.*$/gm);
    const again = exportGuestPath(samplePath, { format: "ics", start: "2027-02-01" });
    expect(uids(again.body)).toEqual(uids(ics.body));
    expect(uids(ics.body)?.[0]).toBe(`UID:${guestCalendarId(samplePath)}-week-1@ai-learning-path`);
    const later = { ...samplePath, generatedAt: "2027-03-01T10:00:00.000Z" };
    expect(guestCalendarId(later)).toBe("guest-20270301T100000000Z");
    expect(guestCalendarId(later)).not.toBe(guestCalendarId(samplePath));
  });
});
