import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside Next's server bundler; in tests everything is server code.
      "server-only": fileURLToPath(new URL("./test/support/empty-module.ts", import.meta.url)),
    },
  },
  // next-auth imports "next/server" without an extension, which Node's ESM resolver
  // rejects; inlining lets Vite resolve it.
  test: {
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    include: ["test/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
