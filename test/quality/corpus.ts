import { readFileSync } from "node:fs";
import { z } from "zod";
import {
  LEARNING_STYLES,
  type LearningPathRequest,
  learningPathRequestSchema,
} from "@/lib/learning-path/request-schema";

// The quality corpus (./corpus.json), read through the same schema the app's form and
// routes use, so every request in it is one a learner could really send.

const corpusFile = z.object({ requests: z.array(z.unknown()).min(40) });

export function loadCorpus(): LearningPathRequest[] {
  const text = readFileSync(new URL("./corpus.json", import.meta.url), "utf8");
  return corpusFile
    .parse(JSON.parse(text))
    .requests.map((request) => learningPathRequestSchema.parse(request));
}

/** Each topic once (its first request), asked in every learning style. */
export function styleSweep(corpus: LearningPathRequest[]): LearningPathRequest[][] {
  const seen = new Set<string>();
  return corpus
    .filter(({ topic }) => !seen.has(topic) && Boolean(seen.add(topic)))
    .map((request) => LEARNING_STYLES.map((learningStyle) => ({ ...request, learningStyle })));
}
