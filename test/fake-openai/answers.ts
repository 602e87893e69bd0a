import { milestoneCountFor } from "../../lib/learning-path/plan-math";

// Deterministic, schema-valid answers built from the request in the prompt, so the
// fake behaves like a model that follows instructions.

type FakeRequest = { topic: string; durationWeeks: number; hoursPerWeek: number };

function readRequest(userMessage: string): FakeRequest {
  const match = /<request>(.*?)<\/request>/s.exec(userMessage);
  const parsed = match?.[1] ? (JSON.parse(match[1]) as Partial<FakeRequest>) : {};
  return {
    topic: parsed.topic ?? "Topic",
    durationWeeks: parsed.durationWeeks ?? 4,
    hoursPerWeek: parsed.hoursPerWeek ?? 4,
  };
}

function curriculum(request: FakeRequest): object {
  const count = milestoneCountFor(request.durationWeeks);
  const base = Math.floor(request.durationWeeks / count);
  let week = 1;
  const milestones = Array.from({ length: count }, (_, index) => {
    const length = index < request.durationWeeks % count ? base + 1 : base;
    const milestone = {
      title: `${request.topic} stage ${index + 1}`,
      description: `Fake model milestone ${index + 1} for ${request.topic}.`,
      weekStart: week,
      weekEnd: week + length - 1,
      estimatedHours: length * request.hoursPerWeek,
      skillsGained: [`Skill ${index + 1}a`, `Skill ${index + 1}b`],
    };
    week += length;
    return milestone;
  });
  return {
    title: `Learning ${request.topic} (fake model)`,
    summary: `A path for ${request.topic} written by the fake model.`,
    prerequisites: ["Curiosity"],
    milestones,
  };
}

function resources(userMessage: string): object {
  const titles = [...userMessage.matchAll(/^\d+\. (.*)$/gm)].map((match) => match[1] ?? "");
  return {
    milestones: titles.map((title, index) => ({
      milestone: title,
      resources: [
        {
          type: "documentation",
          title: `Docs for ${title}`,
          url: `https://example.org/docs/${index + 1}`,
          description: "Official documentation.",
          free: true,
        },
        {
          type: "video",
          title: `Video for ${title}`,
          url: index === 0 ? "javascript:alert(1)" : `https://example.org/video/${index + 1}`,
          description: "A video walkthrough.",
          free: false,
        },
      ],
    })),
  };
}

const careerInsights = {
  relatedRoles: ["Fake Engineer"],
  skillsInDemand: ["Faking"],
  salaryRange: "US$1 - $2 per year",
  salaryRegion: "Nowhere",
  outlook: "Fake outlook.",
  nextSteps: ["Keep going"],
};

export function fakeAnswer(kind: string, userMessage: string): string {
  if (kind === "curriculum") return JSON.stringify(curriculum(readRequest(userMessage)));
  if (kind === "resources") return JSON.stringify(resources(userMessage));
  return JSON.stringify(careerInsights);
}
