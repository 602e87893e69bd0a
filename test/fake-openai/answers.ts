import { milestoneCountFor } from "../../lib/learning-path/plan-math";

// Deterministic, schema-valid answers built from the request in the prompt, so the
// fake behaves like a model that follows instructions (unless a misbehaviour says
// otherwise). It reads only the fenced JSON blocks of the prompt, as a model should.

type FakeRequest = { topic: string; durationWeeks: number; hoursPerWeek: number };

/** The JSON inside `<tag>...</tag>` of a prompt, or undefined. */
function fenced<T>(message: string, tag: string): T | undefined {
  const match = new RegExp(`<${tag}>(.*?)</${tag}>`, "s").exec(message);
  return match?.[1] ? (JSON.parse(match[1]) as T) : undefined;
}

function readRequest(userMessage: string): FakeRequest {
  const parsed = fenced<Partial<FakeRequest>>(userMessage, "request") ?? {};
  return {
    topic: parsed.topic ?? "Topic",
    durationWeeks: parsed.durationWeeks ?? 4,
    hoursPerWeek: parsed.hoursPerWeek ?? 4,
  };
}

/** How a curriculum answer misbehaves (see ./modes.ts for the named combinations). */
export type CurriculumFault = {
  /** Answer with only this many milestones (0: an empty list), continuations too. */
  milestones?: number;
  /** Append this many milestones beyond the plan. */
  extra?: number;
  /** Hours that add up to far less than weeks x hours per week, and overlapping weeks. */
  wrongHours?: boolean;
};

function plannedMilestones(request: FakeRequest) {
  const count = milestoneCountFor(request.durationWeeks);
  const base = Math.floor(request.durationWeeks / count);
  let week = 1;
  return Array.from({ length: count }, (_, index) => {
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
}

/**
 * The curriculum, or only the part a continuation asks for: `<missing>` names the first
 * missing milestone (1-based) and how many are wanted.
 */
function curriculum(userMessage: string, fault: CurriculumFault = {}): object {
  const request = readRequest(userMessage);
  const missing = fenced<{ first: number; count: number }>(userMessage, "missing");
  let milestones = plannedMilestones(request);
  if (missing) {
    // A re-plan may ask for more milestones than the plan above has after `first`.
    const planned = milestones;
    milestones = Array.from({ length: missing.count }, (_, n) => {
      const number = missing.first + n;
      return {
        ...(planned[number - 1] ?? planned.at(-1) ?? planned[0]),
        title: `${request.topic} stage ${number}`,
      } as (typeof planned)[number];
    });
  }
  if (fault.milestones !== undefined) milestones = milestones.slice(0, fault.milestones);
  if (fault.extra) {
    const extra = Array.from({ length: fault.extra }, (_, n) => ({
      ...plannedMilestones(request).at(-1),
      title: `${request.topic} extra ${n + 1}`,
    }));
    milestones = [...milestones, ...(extra as typeof milestones)];
  }
  if (fault.wrongHours) {
    milestones = milestones.map((m) => ({ ...m, weekStart: 1, estimatedHours: 1 }));
  }
  return {
    title: `Learning ${request.topic} (fake model)`,
    summary: `A path for ${request.topic} written by the fake model.`,
    prerequisites: ["Curiosity"],
    milestones,
  };
}

/** How a resources answer misbehaves, by milestone (0-based) or for all of them. */
export type ResourcesFault = {
  /** Only links that are not http(s): `javascript:`, `ftp:`, `file:`, not a URL at all. */
  badLinks?: number[];
  /** An empty list of resources. */
  noLinks?: number[];
  /** Every milestone gets the very same resources. */
  repeated?: boolean;
};

const BAD_LINKS = [
  "javascript:alert(1)",
  "ftp://example.org/notes.txt",
  "file:///etc/passwd",
  "see the docs",
];

/** The resources of a milestone `fault` names, or undefined for the usual answer. */
function faultyResources(fault: ResourcesFault, index: number, title: string) {
  if (fault.noLinks?.includes(index)) return [];
  if (fault.repeated) {
    return [1, 2].map((n) => ({
      type: "article",
      title: `The one article everyone links, part ${n}`,
      url: `https://example.org/always/${n}`,
      description: "The same page for every milestone.",
      free: true,
    }));
  }
  if (!fault.badLinks?.includes(index)) return undefined;
  return BAD_LINKS.map((url, n) => ({
    type: "article",
    title: `Unusable link ${n + 1} for ${title}`,
    url,
    description: "A link no page should show.",
    free: true,
  }));
}

function resources(userMessage: string, fault: ResourcesFault = {}): object {
  const milestones = fenced<{ number: number; title: string }[]>(userMessage, "milestones") ?? [];
  return {
    milestones: milestones.map(({ number, title }) => {
      const index = number - 1;
      return {
        milestone: title,
        resources: faultyResources(fault, index, title) ?? [
          {
            type: "documentation",
            title: `Docs for ${title}`,
            url: `https://example.org/docs/${number}`,
            description: "Official documentation.",
            free: true,
          },
          {
            type: "video",
            title: `Video for ${title}`,
            url: index === 0 ? "javascript:alert(1)" : `https://example.org/video/${number}`,
            description: "A video walkthrough.",
            free: false,
          },
        ],
      };
    }),
  };
}

/**
 * A milestone written again (regenerate): a new title that shows the learner's
 * instruction was read, and resources with links no other answer uses.
 */
function regeneratedMilestone(userMessage: string, fault: ResourcesFault = {}): object {
  const request = readRequest(userMessage);
  const target = fenced<{ number: number; title: string }>(userMessage, "regenerate");
  const instruction = fenced<string>(userMessage, "instruction");
  const number = target?.number ?? 1;
  const title = `${request.topic} stage ${number}, rewritten${instruction ? ` (${instruction})` : ""}`;
  return {
    title,
    description: `Fake model milestone ${number} for ${request.topic}, written again.`,
    skillsGained: [`Skill ${number}x`, `Skill ${number}y`],
    resources: faultyResources(fault, number - 1, title) ?? [
      {
        type: "project",
        title: `Exercises for ${title}`,
        url: `https://example.org/rewritten/${number}/exercises`,
        description: "Hands-on exercises.",
        free: true,
      },
      {
        type: "article",
        title: `Guide for ${title}`,
        url: `https://example.org/rewritten/${number}/guide`,
        description: "A written guide.",
        free: true,
      },
    ],
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

export type AnswerFaults = { curriculum?: CurriculumFault; resources?: ResourcesFault };

export function fakeAnswer(kind: string, userMessage: string, faults: AnswerFaults = {}): string {
  if (kind === "curriculum") return JSON.stringify(curriculum(userMessage, faults.curriculum));
  if (kind === "resources") return JSON.stringify(resources(userMessage, faults.resources));
  if (kind === "milestone") {
    return JSON.stringify(regeneratedMilestone(userMessage, faults.resources));
  }
  return JSON.stringify(careerInsights);
}
