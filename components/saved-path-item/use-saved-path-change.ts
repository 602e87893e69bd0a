"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { BrowserApiError } from "@/lib/browser-api";

const DID_NOT_WORK = "That did not work. Please try again.";

/**
 * Runs one change to a saved path (rename, archive, delete). On success the dashboard
 * reloads its list from the server; on failure `error` says why.
 */
export function useSavedPathChange() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (change: () => Promise<void>): Promise<boolean> => {
      setError(null);
      try {
        await change();
      } catch (failure) {
        // Without an answer from the server there is no message of its own to show.
        setError(
          failure instanceof BrowserApiError && failure.code !== "network"
            ? failure.message
            : DID_NOT_WORK,
        );
        return false;
      }
      router.refresh();
      return true;
    },
    [router],
  );

  return { error, run };
}
