import type { Milestone } from "@/lib/learning-path/path-schema";
import type { LearningPathControls } from "./controls";
import { ResourceLink } from "./resource-link";

const weeks = (start: number, end: number) =>
  start === end ? `Week ${start}` : `Weeks ${start}-${end}`;

function SkillsGained({ skills }: { skills: string[] }) {
  if (skills.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Skills gained">
      {skills.map((skill) => (
        <li
          key={skill}
          className="rounded-full bg-violet-50 dark:bg-violet-950/50 px-2.5 py-0.5 text-sm text-violet-800 dark:text-violet-200"
        >
          {skill}
        </li>
      ))}
    </ul>
  );
}

function MilestoneItem({
  milestone,
  index,
  controls,
}: {
  milestone: Milestone;
  index: number;
  controls?: LearningPathControls;
}) {
  return (
    <li
      data-testid="milestone"
      className="relative border-l-4 border-violet-300 dark:border-violet-700 pl-4 break-inside-avoid"
    >
      <p className="text-sm font-medium text-violet-700 dark:text-violet-300">
        {weeks(milestone.weekStart, milestone.weekEnd)} · {milestone.estimatedHours} h
      </p>
      <div className="mt-1 flex items-start gap-2">
        {controls?.milestone?.(index)}
        <h3 className="text-lg font-semibold">
          {index + 1}. {milestone.title}
        </h3>
      </div>
      <p className="mt-1 text-slate-700 dark:text-slate-200">{milestone.description}</p>
      <SkillsGained skills={milestone.skillsGained} />
      <ul className="mt-3 grid gap-2 md:grid-cols-2">
        {milestone.resources.map((resource, r) => (
          <ResourceLink
            key={resource.url + resource.title}
            resource={resource}
            control={controls?.resource?.(index, r)}
          />
        ))}
      </ul>
      {controls?.milestoneActions?.(index)}
    </li>
  );
}

/** The milestones in order, each with its weeks, skills and resources. */
export function MilestoneList({
  milestones,
  controls,
}: {
  milestones: Milestone[];
  controls?: LearningPathControls;
}) {
  return (
    <ol className="space-y-6">
      {milestones.map((milestone, index) => (
        <MilestoneItem
          key={milestone.weekStart}
          milestone={milestone}
          index={index}
          controls={controls}
        />
      ))}
    </ol>
  );
}
