import type { FieldIssue } from "@/lib/errors/field-issues";

/** The message for a field, including its items' ("goals" covers "goals.2"). */
export function issueFor(issues: FieldIssue[], field: string): string | undefined {
  return issues.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`))
    ?.message;
}

/** Ties an input to its error message for screen readers, when there is one. */
export function errorAttributes(field: string, error: string | undefined) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${field}-error` : undefined,
  } as const;
}

/** The message under a field that needs attention. */
export function FieldError({ field, error }: { field: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p
      id={`${field}-error`}
      className="mt-1 text-sm text-red-700 dark:text-red-300"
      data-testid={`${field}-error`}
    >
      {error}
    </p>
  );
}
