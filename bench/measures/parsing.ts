import { JSONParser } from "@streamparser/json";
import type { BenchResult } from "../support/result";

// 5b. Incremental parsing of model output is linear in its length: the cost per KB of
// feeding a document 4 characters at a time is the same for a small and a 100x larger
// document, and is compared with one JSON.parse of the whole text.

function document(milestones: number): string {
  return JSON.stringify({
    title: "Bench",
    summary: "A document shaped like the model's curriculum answer.",
    prerequisites: ["None"],
    milestones: Array.from({ length: milestones }, (_, i) => ({
      title: `Milestone ${i}`,
      description: "Learn the things that this milestone is about, in some detail.",
      weekStart: i + 1,
      weekEnd: i + 1,
      estimatedHours: 4,
      skillsGained: ["One", "Two", "Three"],
    })),
  });
}

function incrementalMsPerKb(text: string, repeats: number): number {
  const started = performance.now();
  for (let r = 0; r < repeats; r++) {
    const parser = new JSONParser({ paths: ["$.milestones.*"], keepStack: false });
    let items = 0;
    parser.onValue = () => {
      items += 1;
    };
    let buffer = "";
    for (let offset = 0; offset < text.length; offset += 4) {
      const chunk = text.slice(offset, offset + 4);
      buffer += chunk;
      parser.write(chunk);
    }
    JSON.parse(buffer);
    if (items === 0) throw new Error("no items parsed");
  }
  return (performance.now() - started) / repeats / (text.length / 1024);
}

function oneShotMsPerKb(text: string, repeats: number): number {
  const started = performance.now();
  for (let r = 0; r < repeats; r++) JSON.parse(text);
  return (performance.now() - started) / repeats / (text.length / 1024);
}

export function parsingCost(): BenchResult {
  const small = document(8);
  const large = document(800);
  incrementalMsPerKb(large, 2); // warm up the JIT
  const smallCost = incrementalMsPerKb(small, 400);
  const largeCost = incrementalMsPerKb(large, 4);
  const growth = largeCost / smallCost;
  return {
    id: "5b",
    measure: "incremental parse CPU per KB (100x longer output)",
    value: largeCost,
    unit: "ms/KB",
    baseline: smallCost,
    baselineName: `${(small.length / 1024).toFixed(1)} KB output`,
    target: "linear: ratio ~1",
    met: growth < 1.5,
    note: `${(large.length / 1024).toFixed(0)} KB vs ${(small.length / 1024).toFixed(1)} KB; one JSON.parse of the large text: ${oneShotMsPerKb(large, 20).toFixed(4)} ms/KB`,
  };
}
