import type { Env } from "@/lib/env";

/**
 * What the server logs at start when it has no API key: how whoever runs the app turns
 * AI on. Learners are not told this; they see a small "Built-in planner" label.
 */
export function offlineModeNotice(settings: Pick<Env, "OPENAI_API_KEY">): string | undefined {
  if (settings.OPENAI_API_KEY) return undefined;
  return (
    "Offline mode: paths are made by the built-in planner, not by AI. To enable AI " +
    "generation, set OPENAI_API_KEY (and optionally OPENAI_BASE_URL for any " +
    "OpenAI-compatible server) and restart the app."
  );
}
