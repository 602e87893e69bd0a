"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useState } from "react";
import type { GeneratedPath } from "@/lib/browser-api";
import { type FieldIssue, toFieldIssues } from "@/lib/errors/field-issues";
import type { TicketsLeft } from "@/lib/generation";
import { saveGuestPath } from "@/lib/guest/storage";
import {
  LEARNING_STYLES,
  LEVELS,
  learningPathRequestSchema,
  MAX_GOALS,
  TIME_PRESETS,
} from "@/lib/learning-path/request-schema";
import { GenerationProgressDialog } from "./generation-progress-dialog";
import { GenerationsLeft } from "./generations-left";
import { type SkillOption, SkillPicker } from "./skill-picker";
import { useLearningPathGeneration } from "./use-learning-path-generation";

type Props = {
  skills: SkillOption[];
  /** Today's quota when the model is paid for; null when generations are not counted. */
  ticketsLeft: TicketsLeft;
  signedIn: boolean;
};

const STYLE_HINTS = {
  visual: "Videos, diagrams, interactive demos",
  auditory: "Podcasts, lectures, talking it through",
  reading: "Docs, books, written tutorials",
  kinesthetic: "Hands-on exercises and projects",
} as const;

const capitalise = (text: string) => `${text[0]?.toUpperCase()}${text.slice(1)}`;

function readForm(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    topic: text("topic"),
    level: text("level"),
    learningStyle: text("learningStyle"),
    durationWeeks: text("durationWeeks"),
    hoursPerWeek: text("hoursPerWeek"),
    goals: text("goals")
      .split(/\n/)
      .map((goal) => goal.trim())
      .filter(Boolean),
    streaming: data.get("streaming") === "on",
  };
}

export function LearningPathForm({ skills, ticketsLeft, signedIn }: Props) {
  const router = useRouter();
  const [remaining, setRemaining] = useState(ticketsLeft?.remaining ?? null);
  const noteRemaining = useCallback((left: number | null) => {
    if (left !== null) setRemaining(left);
  }, []);
  const [topic, setTopic] = useState("");
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const showPath = useCallback(
    ({ path, redirectUrl }: GeneratedPath) => {
      saveGuestPath(path);
      router.push(redirectUrl);
    },
    [router],
  );
  const generation = useLearningPathGeneration(showPath, noteRemaining);

  const issueFor = (field: string) => issues.find((issue) => issue.field === field)?.message;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    generation.clearRequestError();
    const { streaming, ...input } = readForm(event.currentTarget);
    const parsed = learningPathRequestSchema.safeParse(input);
    if (!parsed.success) {
      const found = toFieldIssues(parsed.error);
      setIssues(found);
      const first = found[0]?.field.split(".")[0];
      if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setIssues([]);
    void generation.start(parsed.data, { live: streaming });
  }

  const fieldError = (field: string) => {
    const message = issueFor(field);
    return message ? (
      <p id={`${field}-error`} className="mt-1 text-sm text-red-700" data-testid={`${field}-error`}>
        {message}
      </p>
    ) : null;
  };
  const describedBy = (field: string) => (issueFor(field) ? `${field}-error` : undefined);
  const goalsError = issues.find((issue) => issue.field.startsWith("goals"))?.message;

  return (
    <>
      <form
        onSubmit={submit}
        noValidate
        data-testid="learning-path-form"
        className="space-y-7 rounded-2xl bg-white p-5 shadow-xl ring-1 ring-slate-200 sm:p-8"
      >
        <div>
          <label htmlFor="topic" className="block font-medium">
            What do you want to learn?
          </label>
          <input
            id="topic"
            name="topic"
            value={topic}
            onChange={(event) => setTopic(event.target.value)}
            placeholder="e.g. Machine Learning, Spanish, React"
            maxLength={200}
            aria-invalid={issueFor("topic") ? true : undefined}
            aria-describedby={describedBy("topic")}
            className="field mt-2"
          />
          {fieldError("topic")}
          <SkillPicker skills={skills} onPick={setTopic} />
        </div>

        <fieldset>
          <legend className="font-medium">Your level</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {LEVELS.map((level) => (
              <label key={level} className="choice">
                <input
                  type="radio"
                  name="level"
                  value={level}
                  defaultChecked={level === "beginner"}
                />
                <span>{capitalise(level)}</span>
              </label>
            ))}
          </div>
          {fieldError("level")}
        </fieldset>

        <fieldset>
          <legend className="font-medium">How do you learn best?</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {LEARNING_STYLES.map((style) => (
              <label key={style} className="choice">
                <input
                  type="radio"
                  name="learningStyle"
                  value={style}
                  defaultChecked={style === "visual"}
                />
                <span>
                  <span className="block">{capitalise(style)}</span>
                  <span className="block text-sm font-normal text-slate-500">
                    {STYLE_HINTS[style]}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {fieldError("learningStyle")}
        </fieldset>

        <div className="grid gap-6 sm:grid-cols-[10rem_1fr]">
          <div>
            <label htmlFor="durationWeeks" className="block font-medium">
              Duration (weeks)
            </label>
            <input
              id="durationWeeks"
              name="durationWeeks"
              type="number"
              inputMode="numeric"
              min={1}
              max={52}
              defaultValue={8}
              aria-invalid={issueFor("durationWeeks") ? true : undefined}
              aria-describedby={describedBy("durationWeeks")}
              className="field mt-2"
            />
            {fieldError("durationWeeks")}
          </div>
          <fieldset>
            <legend className="font-medium">Time per week</legend>
            <div className="mt-2 grid grid-cols-2 gap-2">
              {TIME_PRESETS.map((preset) => (
                <label key={preset.id} className="choice">
                  <input
                    type="radio"
                    name="hoursPerWeek"
                    value={preset.hoursPerWeek}
                    defaultChecked={preset.id === "moderate"}
                  />
                  <span>
                    <span className="block">{preset.label}</span>
                    <span className="block text-sm font-normal text-slate-500">{preset.range}</span>
                  </span>
                </label>
              ))}
            </div>
            {fieldError("hoursPerWeek")}
          </fieldset>
        </div>

        <div>
          <label htmlFor="goals" className="block font-medium">
            Goals{" "}
            <span className="font-normal text-slate-500">
              (optional, one per line, up to {MAX_GOALS})
            </span>
          </label>
          <textarea
            id="goals"
            name="goals"
            rows={3}
            placeholder={"Build a portfolio project\nPass a job interview"}
            aria-invalid={goalsError ? true : undefined}
            aria-describedby={goalsError ? "goals-error" : undefined}
            className="field mt-2"
          />
          {goalsError && (
            <p id="goals-error" className="mt-1 text-sm text-red-700" data-testid="goals-error">
              {goalsError}
            </p>
          )}
        </div>

        <label className="flex items-center gap-3">
          <input
            type="checkbox"
            name="streaming"
            defaultChecked
            data-testid="streaming-toggle"
            className="h-4 w-4 accent-violet-600"
          />
          <span>Enable real-time progress updates</span>
        </label>

        {generation.plainRequest.error && (
          <p
            role="alert"
            className="rounded-lg bg-red-50 p-3 text-red-800"
            data-testid="request-error"
          >
            {generation.plainRequest.error}
          </p>
        )}

        <button
          type="submit"
          disabled={generation.plainRequest.pending || generation.state.status === "running"}
          aria-busy={generation.plainRequest.pending}
          data-testid="generate-button"
          className="w-full rounded-xl bg-gradient-to-r from-brand-from to-brand-to px-6 py-3 text-lg font-semibold text-slate-900 shadow hover:brightness-105 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-700 disabled:opacity-60"
        >
          {generation.plainRequest.pending ? "Generating..." : "Generate my learning path"}
        </button>
        {ticketsLeft && remaining !== null && (
          <GenerationsLeft limit={ticketsLeft.limit} remaining={remaining} signedIn={signedIn} />
        )}
      </form>
      <GenerationProgressDialog state={generation.state} onCancel={generation.cancel} />
    </>
  );
}
