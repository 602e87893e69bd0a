"use client";

/** Opens the browser's print dialog; the print stylesheet (app/globals.css) keeps the path alone. */
export function PrintButton({ className = "" }: { className?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      data-testid="print-path"
      className={`rounded-lg border border-slate-300 dark:border-slate-600 px-3 py-1.5 font-medium hover:bg-slate-50 dark:hover:bg-slate-800 ${className}`}
    >
      Print
    </button>
  );
}
