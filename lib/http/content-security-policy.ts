/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce (Next
 * puts it on its own scripts when it finds the policy on the request); 'strict-dynamic'
 * lets those scripts load the app's chunks. Everything else comes from this origin only.
 * Inline style attributes are allowed (React renders progress widths with them); style
 * elements still need the nonce.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { development?: boolean; signInSites?: string[] } = {},
): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's dev build evaluates strings for its debugging tools; production never does.
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    // The dev server injects styles for hot reloading and its overlay; a nonce beside
    // 'unsafe-inline' would switch it off, so development gets 'unsafe-inline' alone.
    "style-src": ["'self'", options.development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    // Sign-in forms may send the browser on to a configured OAuth provider.
    "form-action": ["'self'", ...(options.signInSites ?? [])],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
