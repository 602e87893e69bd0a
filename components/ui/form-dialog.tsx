"use client";

import { type FormEvent, type ReactNode, useId, useRef } from "react";
import { useModal, wrapFocus } from "./modal";

type Props = {
  open: boolean;
  title: string;
  /** One or two sentences under the title: what the action does and what stays. */
  description: string;
  /** The submitting button's words, e.g. "Regenerate". */
  submitLabel: string;
  /** The fields; they are read from the form's data on submit. */
  children: ReactNode;
  /** A problem with what was typed, shown above the buttons. */
  error?: string | null;
  onSubmit: (form: FormData) => void;
  onCancel: () => void;
  testId?: string;
};

const BUTTON =
  "rounded-lg px-4 py-2 font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600";

/**
 * A small modal form that asks for the details of one action before it starts. Like the
 * confirm dialog: showModal() makes the page inert, Escape cancels, and on close the
 * browser puts focus back on the button that opened it.
 */
export function FormDialog({ open, title, description, submitLabel, children, ...rest }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  useModal(dialogRef, open);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rest.onSubmit(new FormData(event.currentTarget));
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      data-testid={rest.testId}
      onKeyDown={wrapFocus}
      onCancel={(event) => {
        // Escape: the parent decides, so its `open` stays the one truth.
        event.preventDefault();
        rest.onCancel();
      }}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-base text-slate-900 shadow-2xl backdrop:bg-slate-900/60 dark:bg-slate-900 dark:text-slate-100"
    >
      {/* Drawn only while open, so each opening starts with empty fields. */}
      {open && (
        <form onSubmit={submit}>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <p id={`${id}-description`} className="mt-2 text-slate-600 dark:text-slate-300">
            {description}
          </p>
          <div className="mt-4 space-y-4">{children}</div>
          {rest.error && (
            <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
              {rest.error}
            </p>
          )}
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <button
              type="button"
              onClick={rest.onCancel}
              className={`${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800`}
            >
              Cancel
            </button>
            <button
              type="submit"
              className={`${BUTTON} bg-violet-700 text-white hover:bg-violet-800`}
            >
              {submitLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
