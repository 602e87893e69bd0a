import { milestoneCountFor as planned } from "@/lib/learning-path/plan-math";
import type { CorpusReport } from "./run-corpus";

// The corpus figures as printed by `npm run quality` and quoted in docs/QUALITY.md.

const percent = (part: number, whole: number) =>
  whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;

const perGeneration = (total: number, report: CorpusReport) =>
  (total / Math.max(1, report.generations.length)).toFixed(2);

export function describeReport(report: CorpusReport): string[] {
  const count = report.generations.length;
  const lines = [
    `provider: ${report.provider}`,
    `  paths passing every invariant   ${report.passing}/${count} = ${percent(report.passing, count)} (target 100%)`,
    `  topics whose mix follows style  ${report.styleShaped}/${report.styleTopics} = ${percent(report.styleShaped, report.styleTopics)} (target 100%)`,
    `  milestones without a suited     ${report.unsuited}/${report.milestones} = ${percent(report.unsuited, report.milestones)}`,
    `  resource repetition rate        ${report.repeatedLinks}/${report.shownLinks} links = ${percent(report.repeatedLinks, report.shownLinks)}`,
    `  milestone count as planned      ${report.onPlan}/${count} = ${percent(report.onPlan, count)}`,
    `  tokens per generation           ${perGeneration(report.tokens, report)}`,
    `  repairs per generation          ${perGeneration(report.repairs, report)}`,
  ];
  if (report.modelCalls !== undefined) {
    lines.push(`  model calls per generation      ${perGeneration(report.modelCalls, report)}`);
  }
  const failing = report.generations.filter((g) => g.problems.length > 0);
  for (const { request, problems } of failing.slice(0, 10)) {
    lines.push(
      `  FAIL ${request.topic.slice(0, 40)} (${request.durationWeeks} w): ${problems.join("; ")}`,
    );
  }
  for (const miss of report.styleMisses.slice(0, 10)) lines.push(`  STYLE ${miss}`);
  const offPlan = report.generations.filter(
    (g) => g.path && g.path.milestones.length !== planned(g.request.durationWeeks),
  );
  for (const { request, path } of offPlan.slice(0, 5)) {
    lines.push(
      `  OFF-PLAN ${request.topic.slice(0, 40)} (${request.durationWeeks} w): ${path?.milestones.length} milestones`,
    );
  }
  return lines;
}
