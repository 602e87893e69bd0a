import { currentUserId } from "@/lib/auth";
import { ticketsLeftToday } from "@/lib/generation";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * How many generations the asker has left today: `{ limit, remaining }`, or null when
 * there is no daily cap. The form asks again after every generation ends, since a
 * cancelled or failed one may not have been counted.
 */
export const GET = apiRoute({ userId: currentUserId }, async ({ request, userId }) =>
  Response.json(await ticketsLeftToday({ headers: request.headers, userId }), {
    headers: { "Cache-Control": "private, no-store" },
  }),
);
