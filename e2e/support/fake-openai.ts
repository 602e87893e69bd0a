import type { RecordedRequest, Scenario } from "../../test/fake-openai/server";

const FAKE = "http://127.0.0.1:4010";

/** Controls the fake OpenAI server that the AI-mode app server talks to. */
export const fakeOpenAi = {
  async reset(): Promise<void> {
    await fetch(`${FAKE}/__reset`, { method: "POST" });
  },
  async setScenario(scenario: Scenario): Promise<void> {
    await fetch(`${FAKE}/__scenario`, { method: "POST", body: JSON.stringify(scenario) });
  },
  async requests(): Promise<RecordedRequest[]> {
    return (await (await fetch(`${FAKE}/__requests`)).json()) as RecordedRequest[];
  },
};
