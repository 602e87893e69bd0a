import { topicForTitle } from "@/lib/catalog/skills";
import { capitalise } from "@/lib/learning-path/labels";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { projectPhrase } from "./goals";
import type { OfflinePlan, PlannedMilestone } from "./plan";
import { LEVEL_PHRASE, quoted, STYLE_LEAD, withArticle } from "./prose";

// The offline path's summary: a few short sentences a learner reads before the
// milestones, saying what the path is, how it is arranged for them, where its material
// comes from, and what became of their goals (never the goals pasted in one sentence).

function goalsSummary(request: LearningPathRequest, plan: OfflinePlan): string[] {
  const capstone = plan.milestones.find((milestone) => milestone.capstone)?.capstone;
  const others = plan.milestones.flatMap((milestone, index) =>
    milestone.goals.map((goal) => ({ goal, number: index + 1 })),
  );
  const sentences: string[] = [];
  const only = others[0];
  if (others.length === 1 && only) {
    sentences.push(`Your goal ${quoted(only.goal)} is taken up in milestone ${only.number}.`);
  } else if (others.length > 1) {
    const which = capstone ? `other ${others.length} goals` : `${others.length} goals`;
    sentences.push(`Each of your ${which} is taken up in the milestone it fits best.`);
  }
  return request.goals.length > 0 ? sentences : [];
}

/** Where the path starts and where it ends: the learner's own project, when it has one. */
function routeSentence(first: string, last: PlannedMilestone): string {
  const end = last.capstone
    ? `ends with your own project: ${projectPhrase(last.capstone)}`
    : `ends with ${quoted(last.title)}`;
  return `It starts with ${quoted(first)} and ${end}.`;
}

function sourceSentence(plan: OfflinePlan): string {
  if (!plan.skill) {
    return "This topic is not in the offline catalog, so the milestones follow a general plan for learning any subject and the links are searches about each milestone's subject, not hand-picked material.";
  }
  return `It follows the offline catalog's ${plan.skill.name} syllabus, with hand-picked resources where the catalog has them and searches about the milestone's subject where it does not.`;
}

export function offlineSummary(request: LearningPathRequest, plan: OfflinePlan): string {
  const { durationWeeks, hoursPerWeek, learningStyle, level } = request;
  const first = plan.milestones[0]?.title;
  const last = plan.milestones.at(-1);
  return [
    `${capitalise(withArticle(LEVEL_PHRASE[level]))} ${durationWeeks}-week path in ${topicForTitle(request.topic)}, at about ${hoursPerWeek} ${hoursPerWeek === 1 ? "hour" : "hours"} a week.`,
    `Every milestone leads with ${STYLE_LEAD[learningStyle]}.`,
    first && last && plan.milestones.length > 1 ? routeSentence(first, last) : "",
    sourceSentence(plan),
    ...goalsSummary(request, plan),
  ]
    .filter(Boolean)
    .join(" ");
}
