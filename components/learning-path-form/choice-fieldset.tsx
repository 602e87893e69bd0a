import { FieldError } from "./field-error";

export type Choice = {
  value: string | number;
  label: string;
  hint?: string;
  /** Checked when the form first shows. */
  preselected?: boolean;
};

type Props = {
  legend: string;
  name: string;
  choices: readonly Choice[];
  /** The grid the choices sit in; it differs with the number and length of the choices. */
  gridClassName: string;
  error: string | undefined;
  /** The choice to check first instead of the preselected one (a resumed request's). */
  initial?: string | number;
};

/** A group of radio choices drawn as cards (level, learning style, time per week). */
export function ChoiceFieldset({ legend, name, choices, gridClassName, error, initial }: Props) {
  return (
    <fieldset>
      <legend className="font-medium">{legend}</legend>
      <div className={`mt-2 grid ${gridClassName}`}>
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              defaultChecked={
                initial === undefined
                  ? choice.preselected
                  : String(choice.value) === String(initial)
              }
            />
            {choice.hint === undefined ? (
              <span>{choice.label}</span>
            ) : (
              <span>
                <span className="block">{choice.label}</span>
                <span className="block text-sm font-normal text-slate-600 dark:text-slate-300">
                  {choice.hint}
                </span>
              </span>
            )}
          </label>
        ))}
      </div>
      <FieldError field={name} error={error} />
    </fieldset>
  );
}
