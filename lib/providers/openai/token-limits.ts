// How many tokens each model call may produce, derived from what it must write. Without a
// limit a rambling model used a whole stage's time budget while the user watched 5%;
// with one, an answer that runs long ends with finish_reason "length" and is continued
// (see openai-provider.ts) instead of holding the stage.
//
// The figures are generous for the answers the prompts ask for (one- or two-sentence
// descriptions): about twice what gpt-4o-mini and small local models were seen to write.

/** Title, summary and prerequisites of a curriculum, and the JSON around them. */
const CURRICULUM_FRAME_TOKENS = 400;
/** One milestone: title, a short description, weeks, hours, a few skills. */
const TOKENS_PER_MILESTONE = 300;
/** One milestone's resources: up to four, each a title, an https URL and one sentence. */
const RESOURCE_TOKENS_PER_MILESTONE = 500;
const RESOURCES_FRAME_TOKENS = 50;
/** Career insights: a few roles and skills, a salary line, two sentences, 3-5 steps. */
const CAREER_INSIGHTS_TOKENS = 800;

export function curriculumTokenLimit(milestones: number): number {
  return CURRICULUM_FRAME_TOKENS + TOKENS_PER_MILESTONE * milestones;
}

export function resourcesTokenLimit(milestones: number): number {
  return RESOURCES_FRAME_TOKENS + RESOURCE_TOKENS_PER_MILESTONE * milestones;
}

/** One milestone written again with its resources (regenerate). */
export function regeneratedMilestoneTokenLimit(): number {
  return RESOURCES_FRAME_TOKENS + TOKENS_PER_MILESTONE + RESOURCE_TOKENS_PER_MILESTONE;
}

export function careerInsightsTokenLimit(): number {
  return CAREER_INSIGHTS_TOKENS;
}

/**
 * The request field that carries the limit. OpenAI's own API wants
 * max_completion_tokens (its newer models refuse max_tokens); the OpenAI-compatible
 * servers (Ollama, llama.cpp, vLLM, LM Studio) all honour max_tokens, and not all of
 * them know the newer name.
 */
export type TokenLimitField = "max_tokens" | "max_completion_tokens";

/** The field for a base URL: OpenAI's (or none, which means OpenAI) gets the newer one. */
export function tokenLimitFieldFor(baseURL: string | undefined): TokenLimitField {
  if (!baseURL) return "max_completion_tokens";
  return new URL(baseURL).hostname === "api.openai.com" ? "max_completion_tokens" : "max_tokens";
}
