"use client";

import { FormDialog } from "@/components/ui/form-dialog";

/** The longest wish the server takes for a regenerated milestone (adapt contract). */
export const MAX_INSTRUCTION_LENGTH = 300;

const FIELD =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800";

type Props = {
  /** The milestone asked about (0-based) and its title; null when the dialog is closed. */
  milestone: { index: number; title: string } | null;
  onRegenerate: (index: number, instruction: string) => void;
  onCancel: () => void;
};

/** Asks what a regenerated milestone should do differently (optional) before it starts. */
export function RegenerateMilestoneDialog({ milestone, onRegenerate, onCancel }: Props) {
  return (
    <FormDialog
      open={milestone !== null}
      testId="regenerate-dialog"
      title={milestone ? `Regenerate milestone ${milestone.index + 1}` : "Regenerate milestone"}
      description={`“${milestone?.title ?? ""}” gets a new description, skills and resources. Its weeks and hours stay; the rest of your path is not touched.`}
      submitLabel="Regenerate"
      onCancel={onCancel}
      onSubmit={(form) => {
        if (milestone) onRegenerate(milestone.index, String(form.get("instruction") ?? ""));
      }}
    >
      <label className="block text-sm font-medium">
        What should change? (optional)
        <textarea
          name="instruction"
          rows={3}
          maxLength={MAX_INSTRUCTION_LENGTH}
          placeholder="More hands-on, or: I already know the basics of HTML"
          className={FIELD}
        />
      </label>
    </FormDialog>
  );
}
