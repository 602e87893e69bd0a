import { generateLearningPath } from "@/lib/generation/pipeline";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { milestoneCountFor } from "@/lib/learning-path/plan-math";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type { LearningPathProvider, ProviderLog } from "@/lib/providers/types";
import { styleSweep } from "./corpus";
import { findPathProblems, repetitionRate, resourceMix, unsuitedMilestones } from "./path-checks";

// Runs the quality corpus through one provider, the way the app runs a generation (the
// whole pipeline, repairs included), and measures what a learner would notice.

/** A provider to measure, made fresh per generation so its log can be read. */
export type ProviderUnderTest = {
  name: string;
  create(log: ProviderLog): LearningPathProvider;
  /** Model requests made since the last call (only when a fake model is behind it). */
  takeModelCalls?(): number;
};

type Generation = {
  request: LearningPathRequest;
  path?: LearningPath;
  problems: string[];
  tokens: number;
  /** Repairs, retries and continuations the pipeline and provider logged. */
  repairs: number;
  modelCalls?: number;
};

/** Log events that stand for work redone: repairs, retries, continuations. */
const REDONE = /repair|retr|continu/i;

async function generate(subject: ProviderUnderTest, request: LearningPathRequest) {
  let repairs = 0;
  let tokens = 0;
  let path: LearningPath | undefined;
  const count = (event: string) => {
    if (REDONE.test(event)) repairs += 1;
  };
  const events = generateLearningPath({
    request,
    provider: subject.create(count),
    signal: new AbortController().signal,
    logger: { requestId: "quality", info: count, error: count },
    finalize: async (done, stats) => {
      path = done;
      tokens = (stats.promptTokens ?? 0) + (stats.completionTokens ?? 0);
      return "/result";
    },
  });
  let failure = "";
  for await (const event of events) if (event.type === "error") failure = event.code;
  const problems = path ? findPathProblems(path, request) : [`no path: ${failure}`];
  const generation: Generation = { request, path, problems, tokens, repairs };
  generation.modelCalls = subject.takeModelCalls?.();
  return generation;
}

export type CorpusReport = {
  provider: string;
  generations: Generation[];
  /** Paths passing every invariant, of all generations. */
  passing: number;
  /** Topics whose four learning styles gave four different resource mixes, each suited. */
  styleShaped: number;
  styleTopics: number;
  /** Topics whose style sweep fell short, and why. */
  styleMisses: string[];
  repeatedLinks: number;
  shownLinks: number;
  unsuited: number;
  milestones: number;
  /** Paths with exactly the planned number of milestones. */
  onPlan: number;
  tokens: number;
  repairs: number;
  modelCalls?: number;
};

async function styleShape(subject: ProviderUnderTest, requests: LearningPathRequest[]) {
  const paths = [];
  for (const request of requests) paths.push((await generate(subject, request)).path);
  const mixes = paths.map((path) => (path ? resourceMix(path) : "no path"));
  const unsuited = paths.filter((path) => !path || unsuitedMilestones(path) > 0).length;
  if (new Set(mixes).size === mixes.length && unsuited === 0) return undefined;
  const topic = requests[0]?.topic ?? "";
  return `${topic}: ${new Set(mixes).size} distinct mixes of ${mixes.length}, ${unsuited} styles with an unsuited milestone`;
}

export async function runCorpus(
  subject: ProviderUnderTest,
  corpus: LearningPathRequest[],
): Promise<CorpusReport> {
  const generations: Generation[] = [];
  for (const request of corpus) generations.push(await generate(subject, request));
  const sweeps = styleSweep(corpus);
  const styleMisses: string[] = [];
  for (const sweep of sweeps) {
    const miss = await styleShape(subject, sweep);
    if (miss) styleMisses.push(miss);
  }
  const paths = generations.flatMap((g) => (g.path ? [g.path] : []));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const links = paths.map(repetitionRate);
  const calls = generations.map((g) => g.modelCalls);
  return {
    provider: subject.name,
    generations,
    passing: generations.filter((g) => g.problems.length === 0).length,
    styleShaped: sweeps.length - styleMisses.length,
    styleTopics: sweeps.length,
    styleMisses,
    repeatedLinks: sum(links.map((l) => l.repeated)),
    shownLinks: sum(links.map((l) => l.shown)),
    unsuited: sum(paths.map(unsuitedMilestones)),
    milestones: sum(paths.map((p) => p.milestones.length)),
    onPlan: paths.filter((p) => p.milestones.length === milestoneCountFor(p.durationWeeks)).length,
    tokens: sum(generations.map((g) => g.tokens)),
    repairs: sum(generations.map((g) => g.repairs)),
    modelCalls: calls.every((c) => c === undefined) ? undefined : sum(calls.map((c) => c ?? 0)),
  };
}
