// The largest body a page takes: its only POSTs are the sign-in, sign-up and sign-out
// server actions, a few short fields. Next.js buffers a page request's body in memory
// (for proxy.ts and again for the page), 10 MB each by default, so a few dozen slow
// uploads to `/` would hold gigabytes. Imported by next.config.ts: no dependencies.
export const PAGE_BODY_LIMIT_BYTES = 32 * 1024;
