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

/** Milestones (0-based) whose resources the fake answers without any usable link. */
export type Linkless = {
  /** Only links that are not http(s): `javascript:`, `ftp:`, `file:`, not a URL at all. */
  badLinks?: number[];
  /** An empty list of resources. */
  noLinks?: number[];
};

const BAD_LINKS = [
  "javascript:alert(1)",
  "ftp://example.org/notes.txt",
  "file:///etc/passwd",
  "see the docs",
];

/** The resources of a milestone `linkless` names, or undefined for the usual answer. */
function unusableResources(linkless: Linkless, index: number, title: string) {
  if (linkless.noLinks?.includes(index)) return [];
  if (!linkless.badLinks?.includes(index)) return undefined;
  return BAD_LINKS.map((url, n) => ({
    type: "article",
    title: `Unusable link ${n + 1} for ${title}`,
    url,
    description: "A link no page should show.",
    free: true,
  }));
}

function resources(userMessage: string, linkless: Linkless = {}): object {
  const titles = [...userMessage.matchAll(/^\d+\. (.*)$/gm)].map((match) => match[1] ?? "");
  return {
    milestones: titles.map((title, index) => ({
      milestone: title,
      resources: unusableResources(linkless, index, title) ?? [
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

export function fakeAnswer(kind: string, userMessage: string, linkless?: Linkless): string {
  if (kind === "curriculum") return JSON.stringify(curriculum(readRequest(userMessage)));
  if (kind === "resources") return JSON.stringify(resources(userMessage, linkless));
  return JSON.stringify(careerInsights);
}
