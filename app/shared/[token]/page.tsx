import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LearningPathView } from "@/components/learning-path-view";
import { findSharedLearningPath } from "@/lib/db";
import { isSafeText } from "@/lib/validation/safe-text";

export const metadata: Metadata = {
  title: "Shared learning path · AI Learning Path Generator",
  robots: { index: false },
};

type Props = { params: Promise<{ token: string }> };

/** A path its owner chose to share: read-only, without their progress or identity. */
export default async function SharedPathPage({ params }: Props) {
  const { token } = await params;
  // A token with a NUL or a lone surrogate names nothing (the database would throw).
  const path = isSafeText(token) ? await findSharedLearningPath(token) : null;
  if (!path) notFound();
  return (
    <>
      <p
        className="mb-6 rounded-xl bg-slate-100 dark:bg-slate-800 p-3 text-sm text-slate-600 dark:text-slate-300"
        data-testid="shared-notice"
      >
        A learning path shared with you (read-only).
      </p>
      <LearningPathView path={path} />
    </>
  );
}
