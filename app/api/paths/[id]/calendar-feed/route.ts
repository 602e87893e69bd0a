import { requireUserId } from "@/lib/auth";
import { setCalendarFeed } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { routeId } from "@/lib/http/route-id";
import { calendarFeedPath } from "@/lib/learning-path/calendar-feed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function setFeed(published: boolean) {
  return apiRoute(
    { userId: requireUserId },
    async ({ userId }, { params }: RouteContext<"/api/paths/[id]/calendar-feed">) => {
      const result = await setCalendarFeed(userId, await routeId(params), published);
      if (!result) throw new AppError("not_found");
      const token = result.calendarToken;
      return Response.json({ url: token ? calendarFeedPath(token) : null });
    },
  );
}

/** Publishes the path as a calendar feed under a new secret URL (the old one stops working). */
export const POST = setFeed(true);

/** Stops the feed: its URL answers 404 from then on. */
export const DELETE = setFeed(false);
