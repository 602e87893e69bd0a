import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { learningPathToIcs, learningPathToMarkdown } from "@/lib/learning-path/export";
import { markdownLink } from "@/lib/learning-path/markdown-text";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { startDateSchema } from "@/lib/learning-path/start-date";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request } from "../support/collect";

// Issue 11, finding 7: the exports write a path's text as text. The Markdown is rendered
// by a real CommonMark renderer with raw HTML allowed (as many viewers do), so the test
// sees what a reader's viewer would make of it.

let samplePath: LearningPath;
beforeAll(async () => {
  const done = (await collectEvents(new OfflineProvider(), request({ durationWeeks: 4 }))).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  samplePath = done.path;
});

const render = (markdown: string) => new MarkdownIt({ html: true }).render(markdown);
const HOSTILE_TITLE =
  "T<img src=x onerror=alert(1)>\r\n# Injected\n- item [x](javascript:alert(1))";

describe("Markdown export", () => {
  it("shows HTML and Markdown in a title as the characters typed, on one heading line", () => {
    const path = { ...structuredClone(samplePath), title: HOSTILE_TITLE };
    const html = render(learningPathToMarkdown(path));
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain(
      "<h1>T&lt;img src=x onerror=alert(1)&gt; # Injected - item [x](javascript:alert(1))</h1>",
    );
    expect(learningPathToMarkdown(path).split("\n")[1]).toBe("");
  });

  it("keeps every other field to text too: milestones, table cells, lists", () => {
    const path = structuredClone(samplePath);
    path.milestones[0]!.title = "A | B\n## not a heading";
    path.milestones[0]!.description = "<script>alert(1)</script> *bold*\n\n> quote";
    path.schedule[0]!.focus = "a | b | <b>c</b>";
    path.goals = ["1. not a list", "> not a quote"];
    path.careerInsights.outlook = "`code` _em_ ~~gone~~";
    const html = render(learningPathToMarkdown(path));
    expect(html.match(/<(script|b|strong|code|blockquote|s|del)>/)?.[0]).toBeUndefined();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; *bold* &gt; quote");
    expect(html).toContain("<h3>1. A | B ## not a heading</h3>");
    expect(html).toContain("<td>a | b | &lt;b&gt;c&lt;/b&gt;</td>");
    expect(html).toContain("<li>1. not a list</li>");
    expect(html).toContain("`code` _em_ ~~gone~~");
  });

  it("links only to http(s) targets, inside angle brackets, percent-encoded", () => {
    expect(markdownLink("Bad", "javascript:alert(1)")).toBe("Bad");
    expect(markdownLink("Docs", "https://a.example/a b)c<d>")).toBe(
      "[Docs](<https://a.example/a%20b)c%3Cd%3E>)",
    );
    const html = render(markdownLink("Docs](https://evil.example)", "https://a.example/x)y"));
    expect(html).toContain('<a href="https://a.example/x)y">Docs](https://evil.example)</a>');
  });
});

describe("calendar export", () => {
  const hostile = () => ({
    ...structuredClone(samplePath),
    title: "Plan; one, two \\ three\r\nX-INJECTED:yes",
  });

  it("escapes every text property, the calendar's name included", () => {
    const path = hostile();
    path.schedule[0]!.milestone = "Week\rBREAK:1";
    path.schedule[0]!.focus = "Read\rBREAK:2\u0007";
    const ics = learningPathToIcs(path, "2027-01-04", "p1");
    const lines = ics.split("\r\n");
    expect(lines).toContain("X-WR-CALNAME:Plan\\; one\\, two \\\\ three X-INJECTED:yes");
    expect(lines.some((line) => /^(X-INJECTED|BREAK):/.test(line))).toBe(false);
    expect(lines.find((line) => line.startsWith("DESCRIPTION:"))).toMatch(
      /^DESCRIPTION:Read\\nBREAK:2 \\n\\nAbout/,
    );
    expect(lines).toContain("SUMMARY:Week 1: Week BREAK:1");
    expect(ics).not.toMatch(/\r(?!\n)/);
  });

  it("accepts real dates from 1970-01-01 to 2100-12-31 only, with a message for the field", () => {
    for (const date of ["1970-01-01", "2027-01-04", "2028-02-29", "2100-12-31"]) {
      expect(startDateSchema.safeParse(date).success, date).toBe(true);
    }
    for (const date of ["9999-12-31", "0000-01-01", "2026-02-30", "1969-12-31", "2101-01-01"]) {
      const result = startDateSchema.safeParse(date);
      expect(result.success, date).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^Choose a start date/);
    }
  });

  it("starts on the chosen day with four-digit years at both ends of the range", () => {
    const first = learningPathToIcs(samplePath, "1970-01-01", "p1");
    expect(first).toContain("DTSTART;VALUE=DATE:19700101");
    const last = learningPathToIcs(samplePath, "2100-12-31", "p1");
    expect(last).toContain("DTSTART;VALUE=DATE:21001231");
    expect(last).toContain("DTSTART;VALUE=DATE:21010107");
  });
});
