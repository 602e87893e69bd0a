import { createHash } from "node:crypto";
import { findCalendarFeedSource } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { feedTokenFromFileName } from "@/lib/learning-path/calendar-feed";
import { learningPathToIcs } from "@/lib/learning-path/export";
import { isSafeText } from "@/lib/validation/safe-text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A published calendar feed (`/api/calendar/<token>.ics`), built from the path as it is
 * now, so a subscribed calendar follows re-plans and start-date changes. No session: the
 * secret token is the key, and any other shape or a stopped feed is a 404.
 */
export const GET = apiRoute({}, async (_call, { params }: RouteContext<"/api/calendar/[feed]">) => {
  const { feed } = await params;
  const token = isSafeText(feed) ? feedTokenFromFileName(feed) : undefined;
  const source = token ? await findCalendarFeedSource(token) : undefined;
  if (!source) throw new AppError("not_found");
  // Events keep their identity across fetches (a calendar app updates them in place)
  // without the feed showing the path's id, which nothing public carries.
  const uidPrefix = createHash("sha256").update(source.pathId).digest("hex").slice(0, 20);
  const body = learningPathToIcs(source.path, source.startDate, uidPrefix);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // Private: the URL is a secret, so no shared cache keeps a copy. Short: a re-plan
      // or a stopped feed shows on the app's next poll.
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
});
