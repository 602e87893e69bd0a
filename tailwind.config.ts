import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from CSS; this file is loaded from app/globals.css with
// `@config` so the product's colours live in one typed place.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { from: "#4ad8ff", to: "#b37dff", ink: "#1e1b4b" },
      },
    },
  },
} satisfies Config;
