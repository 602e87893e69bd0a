"use client";

// Shown when a page fails to render. The message is fixed: an error's own text may hold
// internal detail, which belongs in the server log only.
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-xl rounded-2xl bg-white dark:bg-slate-900 p-8 text-center shadow-sm ring-1 ring-slate-200 dark:ring-slate-700"
    >
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        This page could not be shown. Please try again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-xl bg-violet-700 px-5 py-2.5 font-semibold text-white hover:bg-violet-800"
      >
        Try again
      </button>
    </div>
  );
}
