"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useState } from "react";
import type { GeneratedPath } from "@/lib/browser-api";
import type { FieldIssue } from "@/lib/errors/field-issues";
import type { TicketsLeft } from "@/lib/generation";
import { saveGuestPath } from "@/lib/guest/storage";
import { GenerationProgressDialog } from "./generation-progress-dialog";
import { GenerationsLeft } from "./generations-left";
import { GenerateButton } from "./learning-path-form/generate-button";
import { LiveProgressToggle } from "./learning-path-form/live-progress-toggle";
import { PathQuestions } from "./learning-path-form/path-questions";
import { focusFirstIssue, readForm } from "./learning-path-form/read-form";
import type { SkillOption } from "./skill-picker";
import { useLearningPathGeneration } from "./use-learning-path-generation";

type Props = {
  skills: SkillOption[];
  /** Today's quota when the model is paid for; null when generations are not counted. */
  ticketsLeft: TicketsLeft;
  signedIn: boolean;
};

/** The home page's form: checks the answers here, then hands them to the generation hook. */
export function LearningPathForm({ skills, ticketsLeft, signedIn }: Props) {
  const router = useRouter();
  const [remaining, setRemaining] = useState(ticketsLeft?.remaining ?? null);
  const noteRemaining = useCallback((left: number | null) => {
    if (left !== null) setRemaining(left);
  }, []);
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
        className="space-y-7 rounded-2xl bg-white p-5 shadow-xl ring-1 ring-slate-200 sm:p-8"
      >
        <PathQuestions skills={skills} issues={issues} />
        <LiveProgressToggle />
        {error && (
          <p
            role="alert"
            className="rounded-lg bg-red-50 p-3 text-red-800"
            data-testid="request-error"
          >
            {error}
          </p>
        )}
        <GenerateButton
          pending={pending}
          disabled={pending || generation.state.status === "running"}
        />
        {ticketsLeft && remaining !== null && (
          <GenerationsLeft limit={ticketsLeft.limit} remaining={remaining} signedIn={signedIn} />
        )}
      </form>
      <GenerationProgressDialog state={generation.state} onCancel={generation.cancel} />
    </>
  );
}
