import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LearningPathView } from "@/components/learning-path-view";
import { pageOrigin } from "@/lib/auth/page-origin";
import { findSharedLearningPath } from "@/lib/db";
import { imageText } from "@/lib/learning-path/image-text";
import { prefillQuery } from "@/lib/learning-path/prefill";
import { isSafeText } from "@/lib/validation/safe-text";

const PRODUCT_NAME = "AI Learning Path Generator";

type Props = { params: Promise<{ token: string }> };

// The metadata and the page read the same path: one query per request.
const sharedPath = cache(async (token: string) =>
  // A token with a NUL or a lone surrogate names nothing (the database would throw).
  isSafeText(token) ? await findSharedLearningPath(token) : undefined,
);

/**
 * What a chat or social app shows when the link is pasted: the path's title and summary,
 * and the picture from ./opengraph-image.tsx (Next adds og:image itself).
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = await sharedPath((await params).token);
  if (!path) return { title: `Shared learning path · ${PRODUCT_NAME}`, robots: { index: false } };
  const title = `${path.title} · Shared learning path`;
  const description =
    imageText(path.summary, 200) ||
    `A ${path.durationWeeks}-week learning path, ${path.hoursPerWeek} h a week.`;
  return {
    // og:image (added by Next from ./opengraph-image.tsx) must be an absolute URL.
    metadataBase: await pageOrigin(),
    title: `${title} · ${PRODUCT_NAME}`,
    description,
    robots: { index: false },
    openGraph: { type: "article", siteName: PRODUCT_NAME, title, description },
    twitter: { card: "summary_large_image", title, description },
  };
}

/** A path its owner chose to share: read-only, without their progress or identity. */
export default async function SharedPathPage({ params }: Props) {
  const path = await sharedPath((await params).token);
  if (!path) notFound();
  const makeMyOwn = (
    <Link
      href={`/?${prefillQuery(path)}`}
      className="inline-block rounded-lg bg-violet-700 px-4 py-2 font-semibold text-white hover:bg-violet-800 dark:bg-violet-600 dark:hover:bg-violet-500"
      data-testid="make-my-own"
    >
      Make my own path like this
    </Link>
  );
  return (
    <>
      <div
        className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl bg-slate-100 dark:bg-slate-800 p-4 text-sm text-slate-700 dark:text-slate-200"
        data-testid="shared-notice"
      >
        <p>Someone shared this learning path with you. It is read-only.</p>
        {makeMyOwn}
      </div>
      <LearningPathView path={path} goalsHeading="Goals of this path" />
      <aside
        aria-label="Make your own"
        className="mt-8 rounded-2xl bg-white dark:bg-slate-900 p-5 text-center shadow-sm ring-1 ring-slate-200 dark:ring-slate-700"
      >
        <p className="mb-3 text-slate-700 dark:text-slate-200">
          Want a path like this for yourself? The form opens with this path&apos;s topic, level,
          style, time and goals, ready to change.
        </p>
        {makeMyOwn}
      </aside>
    </>
  );
}
