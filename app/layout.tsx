import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "AI Learning Path Generator",
  description: "Turn 'I want to learn X' into a personal, week-by-week learning path.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-gradient-to-b from-slate-50 to-violet-50 text-slate-900 antialiased">
        <header className="border-b border-slate-200 bg-white/80 backdrop-blur">
          <nav className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
            <Link href="/" className="font-semibold text-brand-ink">
              <span className="bg-gradient-to-r from-cyan-500 to-violet-600 bg-clip-text text-transparent">
                AI Learning Path
              </span>{" "}
              Generator
            </Link>
          </nav>
        </header>
        <main className="mx-auto max-w-5xl px-4 py-8 sm:py-12">{children}</main>
      </body>
    </html>
  );
}
