import "server-only";
import { DEFAULT_OPENAI_IDLE_TIMEOUT_MS, DEFAULT_OPENAI_MODEL, type Env, env } from "@/lib/env";
import { OfflineProvider } from "./offline/offline-provider";
import { OpenAiProvider } from "./openai/openai-provider";
import type { LearningPathProvider, ProviderLog } from "./types";

export type { LearningPathProvider } from "./types";

/** The provider the settings name: the model when an API key is set, else the offline engine. */
export function createLearningPathProvider(
  settings: Env = env,
  log?: ProviderLog,
): LearningPathProvider {
  if (!settings.OPENAI_API_KEY) return new OfflineProvider();
  return new OpenAiProvider({
    apiKey: settings.OPENAI_API_KEY,
    baseURL: settings.OPENAI_BASE_URL,
    model: settings.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL,
    idleTimeoutMs: settings.OPENAI_IDLE_TIMEOUT_MS ?? DEFAULT_OPENAI_IDLE_TIMEOUT_MS,
    tokenLimitField: settings.OPENAI_TOKEN_LIMIT_FIELD,
    log,
  });
}
