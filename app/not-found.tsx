import Link from "next/link";

// Our own 404 (Next's built-in one carries inline styles the page policy refuses).
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-2xl bg-white dark:bg-slate-900 p-8 text-center shadow-sm ring-1 ring-slate-200 dark:ring-slate-700">
      <h1 className="text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        This page does not exist, or it is not yours to see. A shared link stops working when its
        owner stops sharing.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-xl bg-violet-700 px-5 py-2.5 font-semibold text-white hover:bg-violet-800"
      >
        Build a learning path
      </Link>
    </div>
  );
}
