import { parseArgs } from "node:util";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { OpenAiProvider } from "@/lib/providers/openai/openai-provider";
import { type Scenario, startFakeOpenAi } from "../fake-openai/server";
import { loadCorpus } from "./corpus";
import { FAKE_MODES } from "./fake-modes";
import { describeReport } from "./report";
import { type ProviderUnderTest, runCorpus } from "./run-corpus";

// `npm run quality`: the quality corpus through the offline engine and through the AI
// provider (the real openai SDK) against the local fake model, printing the figures
// docs/QUALITY.md reports. Options:
//   --provider offline|ai|both   (default both)
//   --fake-mode NAME|all         how the fake model behaves (default normal; see ./fake-modes.ts)
//   --fake-scenario JSON         any fake scenario, instead of a named mode

const { values } = parseArgs({
  options: {
    provider: { type: "string", default: "both" },
    "fake-mode": { type: "string", default: "normal" },
    "fake-scenario": { type: "string" },
  },
});

function scenarios(): [string, Scenario][] {
  if (values["fake-scenario"]) return [["custom", JSON.parse(values["fake-scenario"]) as Scenario]];
  const mode = values["fake-mode"] ?? "normal";
  if (mode === "all") return Object.entries(FAKE_MODES);
  const scenario = FAKE_MODES[mode];
  if (!scenario)
    throw new Error(`unknown fake mode ${mode}; known: ${Object.keys(FAKE_MODES).join(", ")}`);
  return [[mode, scenario]];
}

async function runAgainstFake(corpus: ReturnType<typeof loadCorpus>) {
  const fake = await startFakeOpenAi();
  try {
    for (const [mode, scenario] of scenarios()) {
      fake.reset();
      fake.setScenario(scenario);
      const subject: ProviderUnderTest = {
        name: `ai (fake model, mode ${mode})`,
        create: (log) =>
          new OpenAiProvider({
            apiKey: "quality",
            baseURL: fake.url,
            model: "fake-model",
            idleTimeoutMs: 15_000,
            log,
          }),
        takeModelCalls: () => fake.requests.splice(0).length,
      };
      console.log(describeReport(await runCorpus(subject, corpus)).join("\n"));
    }
  } finally {
    await fake.close();
  }
}

async function main() {
  const corpus = loadCorpus();
  console.log(`quality corpus: ${corpus.length} requests`);
  if (values.provider !== "ai") {
    const offline = { name: "offline", create: () => new OfflineProvider() };
    console.log(describeReport(await runCorpus(offline, corpus)).join("\n"));
  }
  if (values.provider !== "offline") await runAgainstFake(corpus);
}

await main();
