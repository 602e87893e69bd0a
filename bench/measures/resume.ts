import { type AppServer, nowMs } from "../support/processes";
import type { BenchResult } from "../support/result";
import { median, percentile, requestBody } from "../support/stream-client";
import { warmUp } from "./streaming";

// 8. A reader coming back: time from a resume request to its first replayed frame.

/** Starts one guest generation, reads it to the end, returns its id and resume token. */
async function finishedJob(baseUrl: string): Promise<{ id: string; token: string }> {
  const response = await fetch(`${baseUrl}/api/generate/stream`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(requestBody("Resume benchmark", 4)),
  });
  const text = await response.text();
  const token = /"resumeToken":"([^"]+)"/.exec(text)?.[1];
  const id = response.headers.get("x-generation-id");
  if (!id || !token) throw new Error("the generation gave no id or resume token");
  return { id, token };
}

/** Time to the first byte of a resume after frame 1, against a bare loopback server. */
export async function resumeToFirstFrame(
  app: AppServer,
  floorUrl: string,
  runs = 200,
): Promise<BenchResult> {
  await warmUp(app.url, 5);
  const { id, token } = await finishedJob(app.url);
  const times: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = nowMs();
    const response = await fetch(`${app.url}/api/generations/${id}/stream`, {
      headers: { "last-event-id": "1", "x-resume-token": token },
    });
    const reader = response.body!.getReader();
    await reader.read();
    times.push(nowMs() - started);
    await reader.cancel();
    const floorStarted = nowMs();
    await (await fetch(floorUrl, { method: "POST", body: "{}" })).text();
    floor.push(nowMs() - floorStarted);
  }
  const p50 = median(times);
  return {
    id: "8",
    measure: "resume request to first replayed frame, p50",
    value: p50,
    unit: "ms",
    baseline: median(floor),
    baselineName: "bare loopback server",
    target: "p50 <= 20 ms",
    met: p50 <= 20,
    note: `p99 ${percentile(times, 99).toFixed(2)} ms over ${runs} resumes of a finished job (replayed from the database)`,
  };
}
