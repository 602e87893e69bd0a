import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { THEME_COOKIE, themeFrom } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "AI Learning Path Generator",
  description: "Turn 'I want to learn X' into a personal, week-by-week learning path.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The chosen theme goes on <html> before anything is painted (see globals.css).
  const theme = themeFrom((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen bg-gradient-to-b from-slate-50 to-violet-50 text-slate-900 antialiased dark:from-slate-950 dark:to-slate-900 dark:text-slate-100">
        <SiteHeader theme={theme} />
        <main className="mx-auto max-w-5xl px-4 py-8 sm:py-12">{children}</main>
      </body>
    </html>
  );
}
