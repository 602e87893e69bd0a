// Where a saved path's calendar feed lives. The token is the whole key (a calendar app
// sends no session), and the ".ics" ending is what some apps look for before they offer
// to subscribe.

const FEED_FILE = /^([A-Za-z0-9_-]{32})\.ics$/;

/** The site-relative URL of the feed published under `token`. */
export const calendarFeedPath = (token: string) => `/api/calendar/${token}.ics`;

/** The token a feed URL's last segment ("<token>.ics") names, or undefined for any other shape. */
export function feedTokenFromFileName(fileName: string): string | undefined {
  return FEED_FILE.exec(fileName)?.[1];
}
