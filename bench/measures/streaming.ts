import { createParser } from "eventsource-parser";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { LearningPathRequest } from "../../lib/learning-path/request-schema";
import {
  careerMessages,
  curriculumMessages,
  resourcesMessages,
} from "../../lib/providers/openai/prompts";
import {
  type CurriculumDraft,
  careerInsightsDraftSchema,
  curriculumDraftSchema,
  resourcesDraftSchema,
} from "../../lib/providers/types";
import { type AppServer, cpuMs, type FakeServer, nowMs } from "../support/processes";
import type { BenchResult } from "../support/result";
import {
  addedLatencies,
  median,
  milestoneFrameTimes,
  percentile,
  requestBody,
  timeGeneration,
} from "../support/stream-client";

// Measures 1, 2, 3 and the app's CPU per KB (5): one stream at a time.

/**
 * A fresh server compiles its code paths on first use (V8 JIT, route loading); a few
 * unmeasured generations first make the figures describe a server in service.
 */
export async function warmUp(baseUrl: string, generations: number): Promise<void> {
  for (let i = 0; i < generations; i++) await timeGeneration(baseUrl, `Warm-up ${i}`);
}

/** 1. Request to first SSE frame, against a bare loopback server doing the same. */
export async function timeToFirstFrame(
  app: AppServer,
  floorUrl: string,
  bareNextUrl: string,
  runs = 200,
): Promise<BenchResult> {
  const appTimes: number[] = [];
  const floorTimes: number[] = [];
  const bareNextTimes: number[] = [];
  await warmUp(app.url, 20);
  for (let i = 0; i < 20; i++) await timeAnswer(`${bareNextUrl}/api/first-frame`);
  for (let i = 0; i < runs; i++) {
    const generation = await timeGeneration(app.url, `First frame ${i}`, {
      stopAfterFirstFrame: true,
    });
    if (generation.firstFrameAt) appTimes.push(generation.firstFrameAt - generation.startedAt);
    floorTimes.push(await timeAnswer(floorUrl));
    bareNextTimes.push(await timeAnswer(`${bareNextUrl}/api/first-frame`));
  }
  const p50 = median(appTimes);
  const p99 = percentile(appTimes, 99);
  return {
    id: "1",
    measure: "request to first frame, p50",
    value: p50,
    unit: "ms",
    baseline: median(floorTimes),
    baselineName: "bare loopback server",
    target: "p50 <= 12 ms, p99 <= 30 ms",
    met: p50 <= 12 && p99 <= 30,
    note: `p99 ${p99.toFixed(1)} ms (floor p99 ${percentile(floorTimes, 99).toFixed(1)} ms), ${appTimes.length} requests, ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded database"}; each job cancelled after its first frame; a bare Next.js route handler answering one frame: p50 ${median(bareNextTimes).toFixed(1)} ms, p99 ${percentile(bareNextTimes, 99).toFixed(1)} ms`,
  };
}

/** A POST whose whole answer is one frame (the floor server, the bare Next.js route). */
async function timeAnswer(url: string): Promise<number> {
  const started = nowMs();
  const response = await fetch(url, { method: "POST", body: "{}" });
  await response.text();
  return nowMs() - started;
}

async function directGeneration(
  client: OpenAI,
  request: LearningPathRequest,
): Promise<{ wallMs: number; cpuMs: number }> {
  const started = nowMs();
  const cpuStarted = process.cpuUsage();
  const complete = async (
    name: string,
    schema: Parameters<typeof zodResponseFormat>[0],
    messages: ReturnType<typeof curriculumMessages>,
  ) => {
    const stream = await client.chat.completions.create({
      model: "fake-model",
      messages,
      stream: true,
      stream_options: { include_usage: true },
      response_format: zodResponseFormat(schema, name),
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    return JSON.parse(text) as unknown;
  };
  const curriculum = (await complete(
    "curriculum",
    curriculumDraftSchema,
    curriculumMessages(request),
  )) as CurriculumDraft;
  await complete("resources", resourcesDraftSchema, resourcesMessages(request, curriculum));
  await complete("career_insights", careerInsightsDraftSchema, careerMessages(request, curriculum));
  const cpu = process.cpuUsage(cpuStarted);
  return { wallMs: nowMs() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** 2 and 5. Full generation through the app vs the same upstream calls made directly. */
export async function generationOverhead(
  app: AppServer,
  fake: FakeServer,
  runs = 7,
): Promise<BenchResult[]> {
  await fake.setScenario({ chunkSize: 4, delayMs: 2 });
  const client = new OpenAI({ apiKey: "bench", baseURL: fake.url, maxRetries: 0 });
  const viaApp: number[] = [];
  const direct: number[] = [];
  let appCpu = 0;
  let directCpu = 0;
  let generatedChars = 0;
  await fake.setScenario({ chunkSize: 4, delayMs: 2 });
  await warmUp(app.url, 3);
  for (let i = 0; i < runs; i++) {
    await fake.reset();
    await fake.setScenario({ chunkSize: 4, delayMs: 2 });
    const cpuBefore = cpuMs(app.pid);
    const generation = await timeGeneration(app.url, `Overhead ${i}`);
    appCpu += cpuMs(app.pid) - cpuBefore;
    if (generation.ok) viaApp.push(generation.endedAt - generation.startedAt);
    generatedChars += (await fake.requests()).reduce((sum, r) => sum + r.contentChars, 0);
    const request = { ...requestBody(`Overhead ${i}`), goals: [] } as LearningPathRequest;
    const directRun = await directGeneration(client, request);
    direct.push(directRun.wallMs);
    directCpu += directRun.cpuMs;
  }
  const ratio = median(viaApp) / median(direct);
  return [
    {
      id: "2",
      measure: "full generation wall time, median",
      value: median(viaApp),
      unit: "ms",
      baseline: median(direct),
      baselineName: "same calls, openai SDK direct",
      target: "ratio <= 1.03",
      met: ratio <= 1.03,
      note: `${viaApp.length}/${runs} generations completed; fake model: 4 characters every 2 ms`,
    },
    {
      id: "5a",
      measure: "app CPU per generated KB",
      value: appCpu / (generatedChars / 1024),
      unit: "ms/KB",
      baseline: directCpu / (generatedChars / 1024),
      baselineName: "openai SDK direct",
      target: "report",
      met: undefined,
      note: `${appCpu.toFixed(0)} ms CPU for ${(generatedChars / 1024).toFixed(1)} KB of model output (whole next-server process, /proc ticks of 10 ms)`,
    },
  ];
}

/** 3. Upstream chunk that completes a milestone -> matching progress frame at the client. */
export async function addedFrameLatency(
  baseUrl: string,
  fake: FakeServer,
  label: string,
  generations = 15,
): Promise<number[]> {
  const samples: number[] = [];
  await fake.setScenario({ chunkSize: 8, delayMs: 2 });
  await warmUp(baseUrl, 3);
  for (let i = 0; i < generations; i++) {
    await fake.reset();
    await fake.setScenario({ chunkSize: 8, delayMs: 2 });
    const generation = await timeGeneration(baseUrl, `Latency ${label} ${i}`);
    const frames = milestoneFrameTimes(generation);
    const requests = await fake.requests();
    for (const kind of ["curriculum", "resources"] as const) {
      const sent = requests.find((r) => r.kind === kind)?.milestoneSentAt ?? [];
      samples.push(...addedLatencies(frames[kind], sent));
    }
  }
  return samples;
}

/** The floor for 3: one-way delivery of a frame over loopback from a bare Node server. */
export async function floorFrameLatency(floorUrl: string): Promise<number[]> {
  const samples: number[] = [];
  const response = await fetch(`${floorUrl}/ticks`);
  const parser = createParser({
    onEvent(message) {
      samples.push(nowMs() - (JSON.parse(message.data) as { sentAt: number }).sentAt);
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    parser.feed(decoder.decode(chunk, { stream: true }));
  }
  return samples;
}
