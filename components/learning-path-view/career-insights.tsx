import type { LearningPath } from "@/lib/learning-path/path-schema";
import { TextList } from "./section";

/** Roles, skills in demand, pay and outlook for what the path teaches, then next steps. */
export function CareerInsights({ insights }: { insights: LearningPath["careerInsights"] }) {
  return (
    <>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          <h3 className="font-medium">Related roles</h3>
          <TextList items={insights.relatedRoles} />
        </div>
        <div>
          <h3 className="font-medium">Skills in demand</h3>
          <TextList items={insights.skillsInDemand} />
        </div>
        <div>
          <h3 className="font-medium">Salary range</h3>
          <p className="mt-1 text-slate-700 dark:text-slate-200">
            {insights.salaryRange.text} ({insights.salaryRange.region})
          </p>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {insights.salaryRange.caveat}
          </p>
        </div>
        <div>
          <h3 className="font-medium">Outlook</h3>
          <p className="mt-1 text-slate-700 dark:text-slate-200">{insights.outlook}</p>
        </div>
      </div>
      <h3 className="mt-5 font-medium">Next steps</h3>
      <TextList items={insights.nextSteps} ordered />
    </>
  );
}
