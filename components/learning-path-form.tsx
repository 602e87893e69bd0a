"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { GeneratedPath } from "@/lib/browser-api";
import type { FieldIssue } from "@/lib/errors/field-issues";
import type { TicketsLeft } from "@/lib/generation";
import { saveGuestPath } from "@/lib/guest/storage";
import type { PrefilledAnswers } from "@/lib/learning-path/prefill";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { GenerationProgressDialog } from "./generation-progress-dialog";
import { GenerationsLeft } from "./generations-left";
import { GenerateButton } from "./learning-path-form/generate-button";
import { LiveProgressToggle } from "./learning-path-form/live-progress-toggle";
import { PathQuestions } from "./learning-path-form/path-questions";
import { focusFirstIssue, readForm } from "./learning-path-form/read-form";
import type { SkillOption } from "./skill-picker";
import { useLearningPathGeneration } from "./use-learning-path-generation";
import { recallRunningGeneration } from "./use-learning-path-generation/running-generation";

type Props = {
  skills: SkillOption[];
  /** Today's quota when the model is paid for; null when generations are not counted. */
  ticketsLeft: TicketsLeft;
  signedIn: boolean;
  /** A running job of this signed-in user to watch (`/?watch=<id>`, linked from /paths). */
  watchJobId?: string;
  /** Answers a link carried (`/?topic=…`, from a shared path's "Make my own"). */
  prefill?: PrefilledAnswers;
};

/** Today's count as last told by the server; a null answer (not told) keeps the last one. */
function useGenerationsLeft(ticketsLeft: TicketsLeft) {
  const [remaining, setRemaining] = useState(ticketsLeft?.remaining ?? null);
  const noteRemaining = useCallback((left: number | null) => {
    if (left !== null) setRemaining(left);
  }, []);
  return [remaining, noteRemaining] as const;
}

type Resume = ReturnType<typeof useLearningPathGeneration>["resume"];

/**
 * On arrival, follows again the generation this tab was following (a reload, Back then
 * Forward; its answers are returned, for the questions to be drawn with them), or the
 * job named by `watchJobId`.
 */
function useResumeOnArrival(resume: Resume, watchJobId: string | undefined) {
  const [resumedRequest, setResumedRequest] = useState<LearningPathRequest | undefined>();
  // No run-once guard: in development React mounts twice and the hook aborts the first
  // connection on its unmount, so the second mount must resume again (storage still
  // holds the job; it is cleared only when the generation ends).
  useEffect(() => {
    if (watchJobId) {
      void resume({ job: { id: watchJobId } });
      return;
    }
    const running = recallRunningGeneration();
    if (!running) return;
    setResumedRequest(running.request);
    void resume(running);
  }, [resume, watchJobId]);
  return resumedRequest;
}

/** Why the plain (no live progress) request failed, under the form. */
function RequestError({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="rounded-lg bg-red-50 dark:bg-red-950/50 p-3 text-red-800 dark:text-red-200"
      data-testid="request-error"
    >
      {message}
    </p>
  );
}

/**
 * The home page's form: checks the answers here, then hands them to the generation hook.
 * On arrival it picks up a generation this tab was following (a reload, Back then
 * Forward), or the job named by `watchJobId`, and shows its dialog again.
 */
export function LearningPathForm({ skills, ticketsLeft, signedIn, watchJobId, prefill }: Props) {
  const router = useRouter();
  const [remaining, noteRemaining] = useGenerationsLeft(ticketsLeft);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const showPath = useCallback(
    ({ path, redirectUrl }: GeneratedPath) => {
      saveGuestPath(path);
      router.push(redirectUrl);
    },
    [router],
  );
  const generation = useLearningPathGeneration(showPath, noteRemaining);
  const { pending, error } = generation.plainRequest;

  const resumedRequest = useResumeOnArrival(generation.resume, watchJobId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    generation.clearRequestError();
    const read = readForm(event.currentTarget);
    setIssues(read.issues ?? []);
    if (read.issues) focusFirstIssue(event.currentTarget, read.issues);
    else void generation.start(read.request, { live: read.live });
  }

  return (
    <>
      <form
        onSubmit={submit}
        noValidate
        data-testid="learning-path-form"
        className="space-y-7 rounded-2xl bg-white dark:bg-slate-900 p-5 shadow-xl ring-1 ring-slate-200 dark:ring-slate-700 sm:p-8"
      >
        <PathQuestions
          // Drawn again (uncontrolled fields take new defaults) once a resumed request is known.
          key={resumedRequest ? "resumed" : "new"}
          skills={skills}
          issues={issues}
          initial={resumedRequest ?? prefill}
        />
        <LiveProgressToggle />
        {error && <RequestError message={error} />}
        <GenerateButton
          pending={pending}
          disabled={pending || generation.state.status === "running"}
        />
        {ticketsLeft && remaining !== null && (
          <GenerationsLeft limit={ticketsLeft.limit} remaining={remaining} signedIn={signedIn} />
        )}
      </form>
      <GenerationProgressDialog
        state={generation.state}
        onCancel={generation.cancel}
        onRetry={generation.retry}
      />
    </>
  );
}
