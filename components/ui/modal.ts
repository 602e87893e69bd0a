"use client";

import { type KeyboardEvent, type RefObject, useEffect } from "react";

// What every modal dialog of the app shares: a native <dialog> opened with showModal()
// (the page behind turns inert, Escape fires `cancel`, focus returns to where it was on
// close), kept open exactly while `open` is true, with Tab wrapping inside it.

/** Opens the dialog with showModal() while `open` is true and closes it otherwise. */
export function useModal(dialogRef: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [dialogRef, open]);
}

const FOCUSABLE =
  "button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])";

/**
 * Tab past the last control (or Shift+Tab before the first) wraps around. A native modal
 * <dialog> keeps focus off the inert page, but lets it leave the document for the
 * browser's own toolbar, from where it does not come back to the dialog.
 */
export function wrapFocus(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== "Tab") return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = controls[0];
  const last = controls.at(-1);
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
