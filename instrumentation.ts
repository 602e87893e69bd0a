// Runs once when a server process starts (Next.js instrumentation hook).

export async function register(): Promise<void> {
  // Only the Node.js server runs generation jobs (proxy.ts runs on the edge runtime).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { logStartUpWarnings } = await import("./lib/http/start-up-warnings");
  // Deployment mistakes (untrusted or bypassable proxy) matter in production only.
  if (env.NODE_ENV === "production") logStartUpWarnings(env);
  const { watchForDeadJobs } = await import("./lib/generation/jobs");
  // Jobs a crash left behind are marked interrupted and their slots freed within ~30 s.
  watchForDeadJobs();
  // Learners see only a small label; the one running the app learns here how to add AI.
  const { offlineModeNotice } = await import("./lib/providers/offline-mode-notice");
  const notice = offlineModeNotice(env);
  if (notice) console.info(notice);
}
