import { notFound, redirect } from "next/navigation";
import { TrackedLearningPath } from "@/components/tracked-learning-path";
import { auth } from "@/lib/auth";
import { findCalendarFeedToken, findLearningPathForUser } from "@/lib/db";
import { calendarFeedPath } from "@/lib/learning-path/calendar-feed";
import { todayUtc } from "@/lib/learning-path/start-date";
import { isSafeText } from "@/lib/validation/safe-text";

type Props = { params: Promise<{ id: string }> };

export default async function SavedPathPage({ params }: Props) {
  const { id } = await params;
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/paths/${id}`)}`);
  // Someone else's path, a missing one and an id no path can have look the same: 404.
  const saved = isSafeText(id) ? await findLearningPathForUser(userId, id) : null;
  if (!saved) notFound();
  const feedToken = await findCalendarFeedToken(userId, saved.id);
  return (
    <TrackedLearningPath
      id={saved.id}
      path={saved.path}
      initialProgress={saved.progress}
      shareUrl={saved.shareToken ? `/shared/${saved.shareToken}` : null}
      calendarFeedUrl={feedToken ? calendarFeedPath(feedToken) : null}
      startDate={saved.startDate}
      today={todayUtc()}
    />
  );
}
