"use client";

import { useEffect, useState } from "react";
import type { ActiveGenerationState } from "../generation-state";

/** How long without any frame before the dialog says the model is still at work. */
export const QUIET_AFTER_MS = 10_000;

/**
 * True once `state` has not changed for QUIET_AFTER_MS while running. A timer on frame
 * arrival is right here: it reports silence, never progress.
 */
function useQuiet(state: ActiveGenerationState): boolean {
  const [quiet, setQuiet] = useState(false);
  useEffect(() => {
    setQuiet(false);
    if (state.status !== "running") return;
    const timer = setTimeout(() => setQuiet(true), QUIET_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return quiet;
}

/** A line about the connection: reconnecting after a drop, or a long quiet stretch. */
export function ConnectionNotes({ state }: { state: ActiveGenerationState }) {
  const quiet = useQuiet(state);
  if (state.status !== "running") return null;
  if (state.reconnecting) {
    return (
      <p
        role="status"
        data-testid="reconnecting"
        className="mt-3 text-sm text-amber-800 dark:text-amber-200"
      >
        Reconnecting…
      </p>
    );
  }
  if (!quiet) return null;
  return (
    <p
      role="status"
      data-testid="still-working"
      className="mt-3 text-sm text-slate-600 dark:text-slate-300"
    >
      Still working — the AI is taking its time…
    </p>
  );
}
