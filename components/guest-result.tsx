"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { loadGuestPath } from "@/lib/guest/load";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { GuestExports } from "./guest-exports";
import { LearningPathView } from "./learning-path-view";

/** Shows the path this tab generated; it is read from the tab's session storage. */
export function GuestResult() {
  const [path, setPath] = useState<LearningPath | null | undefined>(undefined);

  useEffect(() => {
    setPath(loadGuestPath() ?? null);
  }, []);

  if (path === undefined) {
    return <p className="text-slate-500 dark:text-slate-400">Loading your learning path...</p>;
  }
  if (path === null) {
    return (
      <div
        className="mx-auto max-w-xl rounded-2xl bg-white dark:bg-slate-900 p-8 text-center shadow-sm ring-1 ring-slate-200 dark:ring-slate-700"
        data-testid="no-path"
      >
        <h1 className="text-2xl font-semibold">No learning path in this tab yet</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          Paths made without an account are kept only in the tab that generated them.
        </p>
        <Link
          href="/"
          className="mt-6 inline-block rounded-xl bg-gradient-to-r from-brand-from to-brand-to px-5 py-2.5 font-semibold text-slate-900"
        >
          Create a learning path
        </Link>
      </div>
    );
  }
  return (
    <>
      <div className="mb-6 flex flex-wrap print:hidden items-center justify-between gap-3 rounded-xl bg-violet-50 dark:bg-violet-950/50 p-4 ring-1 ring-violet-200 dark:ring-violet-800">
        <p className="text-violet-900 dark:text-violet-100">This path is only kept in this tab.</p>
        <Link
          href="/sign-in?callbackUrl=/paths/save"
          data-testid="save-guest-path"
          className="rounded-lg bg-violet-600 px-4 py-2 font-medium text-white hover:bg-violet-700"
        >
          Sign in to save this path
        </Link>
      </div>
      <LearningPathView path={path} controls={{ header: <GuestExports path={path} /> }} />
      <p className="mt-8 text-center print:hidden">
        <Link href="/" className="font-medium text-violet-700 dark:text-violet-300 hover:underline">
          Create another path
        </Link>
      </p>
    </>
  );
}
