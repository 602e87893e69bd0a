"use client";

import type { LearningPath } from "@/lib/learning-path/path-schema";
import { GenerationProgressDialog } from "../generation-progress-dialog";
import { RegenerateMilestoneDialog } from "./regenerate-milestone-dialog";
import { ReplanDialog } from "./replan-dialog";
import type { PathAdaptation } from "./use-path-adaptation";

type Props = {
  adaptation: PathAdaptation;
  path: LearningPath;
  startDate: string | null;
  today: string;
};

/**
 * The forms that ask for a change, then the progress dialog that streams it. The progress
 * dialog comes last so that it opens after a form has closed: it then returns focus to the
 * button that opened the form.
 */
export function AdaptationDialogs({ adaptation, path, startDate, today }: Props) {
  const { asked, ask } = adaptation;
  const index = asked?.kind === "regenerate" ? asked.index : null;
  const milestone = index === null ? undefined : path.milestones[index];
  return (
    <>
      <RegenerateMilestoneDialog
        milestone={index !== null && milestone ? { index, title: milestone.title } : null}
        onRegenerate={adaptation.regenerate}
        onCancel={() => ask(null)}
      />
      <ReplanDialog
        open={asked?.kind === "replan"}
        hoursPerWeek={path.hoursPerWeek}
        startDate={startDate}
        today={today}
        onReplan={adaptation.replan}
        onCancel={() => ask(null)}
      />
      <GenerationProgressDialog {...adaptation.dialog} />
    </>
  );
}
