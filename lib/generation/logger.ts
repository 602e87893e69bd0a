// Structured log lines (one JSON object per line) so a hosting platform's log search
// can filter by request id and stage.

export type LogFields = Record<string, string | number | boolean | undefined>;

export type GenerationLogger = {
  requestId: string;
  info(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
};

export function createGenerationLogger(requestId: string = crypto.randomUUID()): GenerationLogger {
  const write = (level: "info" | "error", event: string, fields: LogFields = {}) => {
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      event,
      requestId,
      ...fields,
    });
    // Straight to the stream, not through console: in a production server Next.js wraps
    // console's methods (dimming, async-context checks), which cost four times the write
    // itself for each of a generation's several lines (docs/PERFORMANCE.md, figure 9).
    (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    requestId,
    info: (event, fields) => write("info", event, fields),
    error: (event, fields) => write("error", event, fields),
  };
}
