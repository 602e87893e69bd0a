import type { LearningPath } from "@/lib/learning-path/path-schema";
import { CareerInsights } from "./learning-path-view/career-insights";
import type { LearningPathControls } from "./learning-path-view/controls";
import { MilestoneList } from "./learning-path-view/milestone-list";
import { PathHeader } from "./learning-path-view/path-header";
import { PathTimeline } from "./learning-path-view/path-timeline";
import { ScheduleTable } from "./learning-path-view/schedule-table";
import { Section, TextList } from "./learning-path-view/section";

// Renders a whole learning path. Model output is rendered as text only (React escapes
// it) and links were checked to be http(s) before the path was accepted.

export function LearningPathView({
  path,
  controls,
  goalsHeading = "Your goals",
}: {
  path: LearningPath;
  controls?: LearningPathControls;
  /** Whose goals they are, said to the reader: a shared page's visitor did not set them. */
  goalsHeading?: string;
}) {
  return (
    <article className="space-y-6" data-testid="learning-path">
      <PathHeader path={path} extra={controls?.header} />
      {path.goals.length > 0 && (
        <Section title={goalsHeading} id="goals-heading">
          <TextList items={path.goals} />
        </Section>
      )}
      <Section title="Prerequisites" id="prerequisites-heading">
        <TextList items={path.prerequisites} />
      </Section>
      <Section title="Milestones" id="milestones-heading">
        <MilestoneList milestones={path.milestones} controls={controls} />
      </Section>
      <Section title="Week-by-week schedule" id="schedule-heading">
        {controls?.timeline ?? <PathTimeline path={path} />}
        <ScheduleTable schedule={path.schedule} weekControl={controls?.week} />
      </Section>
      <Section title="Career insights" id="career-heading">
        <CareerInsights insights={path.careerInsights} />
      </Section>
    </article>
  );
}
