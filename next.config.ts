import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package folder;
  // bundling it would break those relative loads.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // A self-contained server in .next/standalone for hosting behind a reverse proxy.
  output: "standalone",
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
