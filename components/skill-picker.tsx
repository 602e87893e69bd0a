"use client";

export type SkillOption = { id: string; name: string; category: string };

type Props = { skills: SkillOption[]; onPick: (name: string) => void };

/** A browsable list of popular skills, by category; picking one fills in the topic. */
export function SkillPicker({ skills, onPick }: Props) {
  const categories = [...new Set(skills.map((skill) => skill.category))];
  return (
    <details className="group mt-3" data-testid="skill-picker">
      <summary className="cursor-pointer text-sm font-medium text-violet-700 hover:underline">
        Browse {skills.length} popular skills
      </summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        {categories.map((category) => (
          <div key={category}>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {category}
            </h3>
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {skills
                .filter((skill) => skill.category === category)
                .map((skill) => (
                  <li key={skill.id}>
                    <button
                      type="button"
                      onClick={() => onPick(skill.name)}
                      className="rounded-full bg-slate-100 px-3 py-1 text-sm hover:bg-violet-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600"
                    >
                      {skill.name}
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </div>
    </details>
  );
}
