// What producing a path cost: recorded with a saved path and in each generation's run
// record. One definition for the pipeline, the providers and the database.

/** Tokens a model call (or all of a generation's calls) used. */
export type TokenUsage = { promptTokens: number; completionTokens: number };

export type GenerationStats = Partial<TokenUsage> & {
  /** Unknown for a guest's path saved after signing in. */
  generationMs?: number;
};

/** Both counts added up; `undefined` stands for a call that reported none. */
export function addUsage(
  total: TokenUsage | undefined,
  more: TokenUsage | undefined,
): TokenUsage | undefined {
  if (!more) return total;
  return {
    promptTokens: (total?.promptTokens ?? 0) + more.promptTokens,
    completionTokens: (total?.completionTokens ?? 0) + more.completionTokens,
  };
}
