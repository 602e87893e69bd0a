"use client";

import { useId, useRef } from "react";
import { useModal, wrapFocus } from "./modal";

type Props = {
  open: boolean;
  title: string;
  message: string;
  /** The confirming button's words, e.g. "Delete". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

const BUTTON =
  "rounded-lg px-4 py-2 font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600";

/**
 * Asks before something that cannot be undone. showModal() focuses the first control,
 * Cancel, so Enter or a stray key press does no harm; Escape cancels; on close the
 * browser puts focus back where it was.
 */
export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  useModal(dialogRef, open);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-testid="confirm-dialog"
      onKeyDown={wrapFocus}
      onCancel={(event) => {
        // Escape: the parent decides, so its `open` stays the one truth.
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-base text-slate-900 shadow-2xl backdrop:bg-slate-900/60 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p id={`${id}-message`} className="mt-2 text-slate-600 dark:text-slate-300">
        {message}
      </p>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button
          type="button"
          onClick={onCancel}
          className={`${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800`}
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={onConfirm}
          className={`${BUTTON} bg-red-700 text-white hover:bg-red-800`}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
