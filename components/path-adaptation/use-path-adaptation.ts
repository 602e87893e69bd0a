"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import {
  BrowserApiError,
  fetchPathVersion,
  fetchPathVersions,
  type MilestoneChange,
  openMilestoneRegeneration,
  openReplan,
  type PathVersion,
  type ReplanRequest,
  undoPathChange,
} from "@/lib/browser-api";
import type { DialogHeadings } from "../generation-progress-dialog";
import { IDLE } from "../generation-state";
import { useGenerationJob } from "../use-generation-job";

/** What the notice after a change says: the change, what it touched, and a failed undo. */
export type ChangeNotice = {
  summary: string;
  changes: MilestoneChange[];
  /** The version this notice is about, so the notice is shown afresh for each change. */
  versionId: string | null;
  error?: string;
};

/** Which form is open: a milestone's Regenerate (0-based index) or Re-plan. */
export type AdaptationAsked = { kind: "regenerate"; index: number } | { kind: "replan" } | null;

const CHANGED_UNKNOWN = "Your path was changed.";
const UNDO_FAILED = "Could not undo the change. Please try again.";

const regenerating = (index: number): DialogHeadings => ({
  running: `Regenerating milestone ${index + 1}`,
  failed: `Milestone ${index + 1} could not be regenerated`,
  refused: `Milestone ${index + 1} could not start regenerating`,
});

const REPLANNING: DialogHeadings = {
  running: "Re-planning your path",
  failed: "Your path could not be re-planned",
  refused: "Re-planning could not start",
};

/**
 * Adapting a saved path: regenerate a milestone or re-plan, streamed in the progress
 * dialog like a new path; once saved, the page is drawn again from the server and a
 * notice says what changed (from the versions endpoint) with an Undo.
 */
export type PathAdaptation = ReturnType<typeof usePathAdaptation>;

export function usePathAdaptation(id: string) {
  const router = useRouter();
  const [notice, setNotice] = useState<ChangeNotice | null>(null);
  const [versions, setVersions] = useState<PathVersion[] | null>(null);
  const [headings, setHeadings] = useState<DialogHeadings>(REPLANNING);
  const [undoing, setUndoing] = useState(false);
  const [asked, setAsked] = useState<AdaptationAsked>(null);

  const loadVersions = useCallback(async () => {
    const list = await fetchPathVersions(id);
    setVersions(list);
    return list;
  }, [id]);

  /** Tells what `versionId` (else the current version) changed, and lists the versions again. */
  const announceChange = useCallback(
    async (versionId?: string) => {
      try {
        const list = await loadVersions();
        const shown = versionId ?? list.find((version) => version.current)?.id;
        if (!shown) throw new Error("no current version");
        const detail = await fetchPathVersion(id, shown);
        setNotice({
          summary: detail.version.change.summary,
          changes: detail.changes,
          versionId: shown,
        });
      } catch {
        // The change is saved either way; only its description could not be fetched.
        setNotice({ summary: CHANGED_UNKNOWN, changes: [], versionId: versionId ?? null });
      }
    },
    [id, loadVersions],
  );

  const onFinished = useCallback(() => {
    router.refresh();
    void announceChange();
  }, [router, announceChange]);
  const job = useGenerationJob({ onFinished });
  const { start } = job;

  const regenerate = useCallback(
    (index: number, instruction: string) => {
      setAsked(null);
      setHeadings(regenerating(index));
      setNotice(null);
      void start({ open: (call) => openMilestoneRegeneration(id, index, instruction, call) });
    },
    [id, start],
  );

  const replan = useCallback(
    (request: ReplanRequest) => {
      setAsked(null);
      setHeadings(REPLANNING);
      setNotice(null);
      void start({ open: (call) => openReplan(id, request, call) });
    },
    [id, start],
  );

  const undo = useCallback(async () => {
    setUndoing(true);
    try {
      const { version } = await undoPathChange(id);
      router.refresh();
      await announceChange(version.id);
    } catch (error) {
      const message = error instanceof BrowserApiError ? error.message : UNDO_FAILED;
      setNotice((current) => current && { ...current, error: message });
    } finally {
      setUndoing(false);
    }
  }, [id, router, announceChange]);

  useEffect(() => {
    loadVersions().catch(() => setVersions([]));
  }, [loadVersions]);

  return {
    // A finished job's dialog closes: the notice on the page takes over.
    dialog: {
      state: job.state.status === "done" ? IDLE : job.state,
      onCancel: job.cancel,
      onRetry: job.retry,
      headings,
    },
    asked,
    ask: setAsked,
    notice,
    dismissNotice: () => setNotice(null),
    versions,
    regenerate,
    replan,
    undo,
    undoing,
  };
}
