import type { NextConfig } from "next";
import { PAGE_BODY_LIMIT_BYTES } from "./lib/http/page-body-limit";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package folder;
  // bundling it would break those relative loads.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // A self-contained server in .next/standalone for hosting behind a reverse proxy.
  output: "standalone",
  experimental: {
    // Pages take only the auth forms' server actions: keep what Next buffers of a
    // page request's body (once for proxy.ts, once for the page) small. proxy.ts
    // refuses bodies it cut short (lib/http/page-post.ts).
    proxyClientMaxBodySize: PAGE_BODY_LIMIT_BYTES,
    serverActions: { bodySizeLimit: PAGE_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Never framed (clickjacking), also in browsers that predate frame-ancestors.
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // Pages get their policy, with a script nonce, from proxy.ts. API responses
        // (JSON, event streams, exports) should never run or load anything.
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
