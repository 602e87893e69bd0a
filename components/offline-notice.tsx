type Props = { className?: string };

/** Says plainly that paths come from the built-in engine and how to turn AI on. */
export function OfflineNotice({ className = "" }: Props) {
  return (
    <div
      data-testid="offline-notice"
      className={`rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-900 ${className}`}
    >
      <p className="font-medium">
        Offline mode: paths are made by the built-in curriculum engine, not by AI.
      </p>
      <p className="mt-1 text-sm">
        To enable AI generation, set <code className="font-mono">OPENAI_API_KEY</code> (and
        optionally <code className="font-mono">OPENAI_BASE_URL</code> for any OpenAI-compatible
        server) and restart the app.
      </p>
    </div>
  );
}
