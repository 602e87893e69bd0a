import { type SearchKind, STYLE_SEARCH, search } from "@/lib/catalog";
import { topicForTitle } from "@/lib/catalog/skills";
import { shorten } from "@/lib/learning-path/labels";
import { MAX_TITLE_LENGTH } from "@/lib/learning-path/path-schema";
import type { MilestoneRegeneration, RegeneratedMilestoneDraft } from "@/lib/providers/types";
import { listInProse, quoted, STYLE_APPROACH } from "./prose";

// "Regenerate this milestone" without a model: the same skills from another angle,
// chosen from the learner's instruction by keywords, with new search links about that
// angle. Deterministic: the same milestone and instruction give the same result.

type Angle = { label: string; lead: string; kind?: SearchKind; words?: RegExp };

const ANGLES: Angle[] = [
  {
    label: "hands-on",
    lead: "Learn it by building: start each skill with a small exercise, then read up.",
    kind: "project",
    words: /hands|practi|project|exercis|build|doing/i,
  },
  {
    label: "going deeper",
    lead: "Skim what you already know and spend the time on the harder corners.",
    kind: "article",
    words: /know|already|deeper|advanced|harder|skip/i,
  },
  {
    label: "watch and follow",
    lead: "Follow worked demonstrations, pausing to repeat each step yourself.",
    kind: "video",
    words: /video|watch|visual|see/i,
  },
  {
    label: "read and note",
    lead: "Work from written material and keep short notes in your own words.",
    kind: "book",
    words: /read|book|text|written/i,
  },
  {
    label: "listen and explain",
    lead: "Listen to explanations, then explain each idea out loud.",
    kind: "podcast",
    words: /listen|audio|podcast|hear/i,
  },
  {
    label: "basics first",
    lead: "Go slowly: one idea at a time, each tried out before the next.",
    words: /simpl|basic|easier|slow|gentle/i,
  },
];
const FRESH: Angle = { label: "fresh take", lead: "Approach the same skills from a new side." };

/** A title without the angle an earlier regeneration added: "X (hands-on)" -> "X". */
const baseTitle = (title: string) => title.replace(/ \((?:[a-z -]+)\)$/, "");

export function regenerateOfflineMilestone(job: MilestoneRegeneration): RegeneratedMilestoneDraft {
  const { request, milestone, instruction } = job;
  const angle =
    ANGLES.find((candidate) => instruction && candidate.words?.test(instruction)) ?? FRESH;
  const title = shorten(`${baseTitle(milestone.title)} (${angle.label})`, MAX_TITLE_LENGTH);
  const skills = milestone.skillsGained;
  const topic = topicForTitle(request.topic);
  const subject = {
    label: `${topic} – ${baseTitle(milestone.title)}`,
    query: `${request.topic} ${skills.slice(0, 3).join(" ")} ${angle.label}`,
  };
  const first = angle.kind ?? STYLE_SEARCH[request.learningStyle];
  const second: SearchKind = first === "project" ? "article" : "project";
  const asked = instruction ? ` You asked for: ${quoted(instruction)}.` : "";
  return {
    title,
    description: `${angle.lead} ${STYLE_APPROACH[request.learningStyle](listInProse(skills.slice(0, 4)))}${asked}`,
    skillsGained: skills,
    resources: [search(first, subject), search(second, subject)],
  };
}
