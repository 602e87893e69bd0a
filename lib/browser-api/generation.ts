import type { LearningPath } from "@/lib/learning-path/path-schema";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { connectionLost } from "./error";
import { callApi, callApiForJson } from "./request";

export type GenerationCall = {
  signal?: AbortSignal;
  /** Told the generations left today whenever the server says (null: it did not say). */
  onRemaining?: (remaining: number | null) => void;
};

export type GeneratedPath = { path: LearningPath; redirectUrl: string };

/**
 * A generation running as a job on the server: its id and, for a guest, the token (from
 * the first frame) that proves it is theirs.
 */
export type GenerationJob = { id: string; resumeToken?: string };

/**
 * Generations left today after this request, from the quota header (null: not told).
 * A refused request (429) means none are left now.
 */
function remainingFrom(response: Response): number | null {
  if (response.status === 429) return 0;
  const header = response.headers.get("X-Generations-Remaining");
  return header === null ? null : Number(header);
}

function reportRemaining(call: GenerationCall) {
  return (response: Response) => call.onRemaining?.(remainingFrom(response));
}

/** A job's SSE body (read it with readGenerationStream) and its id once accepted. */
export type OpenedGenerationStream = { body: ReadableStream<Uint8Array>; jobId: string | null };

/**
 * How a streamed job starts: a new path from the form, or an adaptation of a saved one.
 * The generation hook takes one of these, so every job is followed the same way.
 */
export type OpenGenerationStream = (call: GenerationCall) => Promise<OpenedGenerationStream>;

/**
 * POSTs `json` to a streaming endpoint and resolves once the server has accepted the job.
 * Aborting the signal only closes this connection: the job goes on until
 * cancelGeneration stops it.
 */
export async function openJobStream(
  url: string,
  json: unknown,
  call: GenerationCall = {},
): Promise<OpenedGenerationStream> {
  const response = await callApi(url, {
    method: "POST",
    json,
    accept: "text/event-stream",
    signal: call.signal,
    onResponse: reportRemaining(call),
  });
  if (!response.body) throw connectionLost();
  return { body: response.body, jobId: response.headers.get("X-Generation-Id") };
}

/** Starts generating a new path from the form's answers. */
export function openGenerationStream(
  request: LearningPathRequest,
  call: GenerationCall = {},
): Promise<OpenedGenerationStream> {
  return openJobStream("/api/generate/stream", request, call);
}

/**
 * Follows a running (or finished) job from after frame `lastEventId`: the server replays
 * every later frame with the same ids, then the live ones. A signed-in user's job is
 * theirs by session; a guest's needs the resume token from the first frame.
 */
export async function resumeGenerationStream(
  job: GenerationJob,
  lastEventId: number,
  call: Pick<GenerationCall, "signal"> = {},
): Promise<ReadableStream<Uint8Array>> {
  const query = new URLSearchParams({ lastEventId: String(lastEventId) });
  const response = await callApi(`/api/generations/${encodeURIComponent(job.id)}/stream?${query}`, {
    method: "GET",
    accept: "text/event-stream",
    headers: job.resumeToken ? { "X-Resume-Token": job.resumeToken } : undefined,
    signal: call.signal,
  });
  if (!response.body) throw connectionLost();
  return response.body;
}

/**
 * Stops the job on the server, and its model call with it. Sent with keepalive, so it
 * goes through even as the page is left. Resolves once the server has answered; a
 * failure is not reported: the dialog has already closed and there is nothing left for
 * the learner to do about it.
 */
export function cancelGeneration(job: GenerationJob): Promise<void> {
  return callApi(`/api/generations/${encodeURIComponent(job.id)}/cancel`, {
    method: "POST",
    headers: job.resumeToken ? { "X-Resume-Token": job.resumeToken } : undefined,
    keepalive: true,
  }).then(
    () => {},
    () => {},
  );
}

/** Today's quota as the server counts it now: `{ limit, remaining }`, or null (no cap). */
export function fetchGenerationsLeft(): Promise<{ limit: number; remaining: number } | null> {
  return callApiForJson("/api/quota", { method: "GET" });
}

/** Generates a path in one request, for when real-time progress is turned off. */
export async function generateLearningPath(
  request: LearningPathRequest,
  call: GenerationCall = {},
): Promise<GeneratedPath> {
  const body = await callApiForJson<{ path: LearningPath; redirect_url: string }>("/api/generate", {
    method: "POST",
    json: request,
    signal: call.signal,
    onResponse: reportRemaining(call),
  });
  return { path: body.path, redirectUrl: body.redirect_url };
}
