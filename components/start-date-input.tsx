"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { useSyncExternalStore } from "react";
import { START_DATE_MAX, START_DATE_MIN } from "@/lib/learning-path/start-date";

// The one field for "the day week 1 starts": when saving a guest's path, on a saved
// path's page, and for a calendar export. Its bounds are the ones startDateSchema checks.

const dayNeverChanges = () => () => {};

/** Today in the learner's own time zone, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * The learner's today, "" while rendering on the server and hydrating: the server knows
 * neither the learner's zone nor, near midnight, their date (a mismatch breaks hydration).
 */
export function useLocalToday(): string {
  return useSyncExternalStore(dayNeverChanges, localToday, () => "");
}

type Props = {
  label: ReactNode;
  /** Label above the field (forms) rather than beside it (a line of links). */
  stacked?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "min" | "max">;

export function StartDateInput({ label, stacked = false, className = "", ...input }: Props) {
  return (
    <label
      className={
        stacked ? `text-sm font-medium ${className}` : `flex items-center gap-2 ${className}`
      }
    >
      {label}
      <input
        type="date"
        min={START_DATE_MIN}
        max={START_DATE_MAX}
        {...input}
        className={`${stacked ? "mt-1 block" : ""} rounded-lg border border-slate-300 dark:border-slate-600 dark:bg-slate-800 px-2 py-1.5`}
      />
    </label>
  );
}
