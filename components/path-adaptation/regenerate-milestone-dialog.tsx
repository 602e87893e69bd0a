"use client";

import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import {
  MAX_INSTRUCTION_LENGTH,
  regenerateMilestoneSchema,
} from "@/lib/learning-path/adaptation-schema";

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
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      open={milestone !== null}
      testId="regenerate-dialog"
      title={milestone ? `Regenerate milestone ${milestone.index + 1}` : "Regenerate milestone"}
      description={`“${milestone?.title ?? ""}” gets a new description, skills and resources. Its weeks and hours stay; the rest of your path is not touched.`}
      submitLabel="Regenerate"
      error={error}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      onSubmit={(form) => {
        // The server's own schema: the same words for text it would refuse.
        const parsed = regenerateMilestoneSchema.safeParse({
          instruction: String(form.get("instruction") ?? ""),
        });
        setError(parsed.success ? null : (parsed.error.issues[0]?.message ?? null));
        if (parsed.success && milestone) {
          onRegenerate(milestone.index, parsed.data.instruction ?? "");
        }
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
