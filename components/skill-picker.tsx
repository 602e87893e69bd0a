"use client";

export type SkillOption = { id: string; name: string; category: string };

type Props = {
  skills: SkillOption[];
  /** The topic as typed: the chip of the same name shows as chosen. */
  topic: string;
  onPick: (name: string) => void;
};

/** A browsable list of popular skills, by category; picking one fills in the topic. */
export function SkillPicker({ skills, topic, onPick }: Props) {
  const categories = [...new Set(skills.map((skill) => skill.category))];
  return (
    <details className="group mt-3" data-testid="skill-picker">
      <summary className="cursor-pointer text-sm font-medium text-violet-700 dark:text-violet-300 hover:underline">
        Browse {skills.length} popular skills
      </summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        {categories.map((category) => (
          <div key={category}>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
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
                      aria-pressed={skill.name === topic.trim()}
                      className="rounded-full bg-slate-100 px-3 py-1 text-sm aria-[pressed=false]:hover:bg-violet-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600 aria-pressed:bg-violet-700 aria-pressed:font-medium aria-pressed:text-white dark:bg-slate-800 dark:aria-[pressed=false]:hover:bg-violet-900/60 dark:aria-pressed:bg-violet-300 dark:aria-pressed:text-slate-900"
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
