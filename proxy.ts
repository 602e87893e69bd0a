import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { refusePagePost } from "@/lib/http/page-post";

// Runs before every page: gives the response a fresh script nonce and the policy that
// requires it. Next reads the policy from the request headers to put the nonce on its
// own scripts, so it goes on the request as well as on the response.

const SIGN_IN_SITES = [
  env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? "https://github.com" : "",
  env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? "https://accounts.google.com" : "",
].filter(Boolean);

export async function proxy(request: NextRequest) {
  const refused = await refusePagePost(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    development: env.NODE_ENV === "development",
    signInSites: SIGN_IN_SITES,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API responses (JSON, event streams) run no scripts, and static files
  // are the same for everyone. Prefetches need no policy, but a request with a body or a
  // server action id must meet refusePagePost even if it claims to be a prefetch. (Next
  // reads these values at build time: literals only, hence the repetition.)
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      has: [{ type: "header", key: "content-type" }],
    },
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      has: [{ type: "header", key: "next-action" }],
    },
  ],
};
