import { startFakeOpenAi } from "./server";

// Runs the fake OpenAI server on its own (the browser tests start it this way).
const port = Number(process.env.FAKE_OPENAI_PORT ?? 4010);
const fake = await startFakeOpenAi(port);
console.log(`fake OpenAI listening on ${fake.url}`);
