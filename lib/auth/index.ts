import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { NextRequest } from "next/server";
import NextAuth, { CredentialsSignin } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { findUserByEmail, getDbForAuthAdapter } from "@/lib/db";
import { type Env, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { safeRedirectPath, signInSchema } from "./credentials";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import { publicOrigin } from "./public-origin";
import { getAppSecret } from "./secret";
import { claimSignInAttempt, noteSignInSuccess, signInClient } from "./sign-in-throttle";

/** Refused before checking the password: too many recent failures. */
export class TooManySignInAttempts extends CredentialsSignin {
  code = "too_many_attempts";
  /** Auth.js hands this same error to a server action's signIn (its "raw" mode). */
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// Auth.js: email + password (credentials) always; GitHub and Google only when their
// keys are configured. Sessions are JWTs in an http-only cookie (Auth.js requires that
// for credentials sign-in); OAuth accounts are linked to users through the Prisma adapter.

/** GitHub and Google sign-in, each only when both its id and secret are configured. */
export function oauthProviders(
  settings: Pick<
    Env,
    "AUTH_GITHUB_ID" | "AUTH_GITHUB_SECRET" | "AUTH_GOOGLE_ID" | "AUTH_GOOGLE_SECRET"
  > = env,
): Provider[] {
  const providers: Provider[] = [];
  if (settings.AUTH_GITHUB_ID && settings.AUTH_GITHUB_SECRET) {
    providers.push(
      GitHub({ clientId: settings.AUTH_GITHUB_ID, clientSecret: settings.AUTH_GITHUB_SECRET }),
    );
  }
  if (settings.AUTH_GOOGLE_ID && settings.AUTH_GOOGLE_SECRET) {
    providers.push(
      Google({ clientId: settings.AUTH_GOOGLE_ID, clientSecret: settings.AUTH_GOOGLE_SECRET }),
    );
  }
  return providers;
}

export const OAUTH_PROVIDERS = oauthProviders().map((provider) => {
  const { id, name } = typeof provider === "function" ? provider() : provider;
  return { id, name };
});

const secret = getAppSecret();

const nextAuth = NextAuth({
  adapter: PrismaAdapter(getDbForAuthAdapter() as unknown as Parameters<typeof PrismaAdapter>[0]),
  secret,
  trustHost: true,
  session: { strategy: "jwt" },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(
        JSON.stringify({
          level: "error",
          event: "auth error",
          name: error.name,
          detail: error.message,
        }),
      );
    },
  },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = signInClient(request.headers);
        // Counted as a failure before the password is checked; taken back on success.
        const claim = await claimSignInAttempt(email, ip);
        if (!claim.allowed) throw new TooManySignInAttempts(claim.retryAfterSeconds);
        const user = await findUserByEmail(email);
        // Unknown email and wrong password take the same time and give the same answer.
        const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user?.passwordHash || !valid) return null;
        await noteSignInSuccess(email, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // Auth.js's own endpoints (the credentials callback, OAuth) follow `callbackUrl` too:
    // the same rule as the sign-in form's (a line break made the Location header throw).
    redirect({ url, baseUrl }) {
      const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      return `${baseUrl}${safeRedirectPath(path)}`;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

export const { auth, signIn, signOut } = nextAuth;

/** The request as the visitor addressed it, so Auth.js's redirects and callbacks name that. */
function atPublicOrigin(request: NextRequest): NextRequest {
  const { href, origin } = request.nextUrl;
  const visited = publicOrigin(request, env);
  if (visited === origin) return request;
  return new NextRequest(href.replace(origin, visited), request);
}

/** Auth.js's endpoints (app/api/auth/[...nextauth]), answering at the public address. */
export const handlers = {
  GET: (request: NextRequest) => nextAuth.handlers.GET(atPublicOrigin(request)),
  POST: (request: NextRequest) => nextAuth.handlers.POST(atPublicOrigin(request)),
};

/**
 * The id of the user who sent this request, or undefined for a guest. Route handlers read
 * the session cookie from the request itself, so they work the same in-process in tests.
 */
export async function currentUserId(request: Request): Promise<string | undefined> {
  const token = await getToken({
    req: request,
    secret,
    // The cookie's name depends on the scheme Auth.js saw when it set it: the public one.
    secureCookie: publicOrigin(request, env).startsWith("https:"),
  });
  return token?.sub ?? undefined;
}

/** The signed-in user's id, or 401 for a guest (for endpoints that need an account). */
export async function requireUserId(request: Request): Promise<string> {
  const userId = await currentUserId(request);
  if (!userId) throw new AppError("unauthenticated");
  return userId;
}
