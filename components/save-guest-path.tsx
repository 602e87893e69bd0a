"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { loadGuestPath } from "@/lib/guest/load";
import { clearGuestPath } from "@/lib/guest/storage";

/** After signing in, saves the path this tab generated as a guest, then opens it. */
export function SaveGuestPath() {
  const router = useRouter();
  const [message, setMessage] = useState("Saving your learning path...");
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const path = loadGuestPath();
    if (!path) {
      setMessage("There is no unsaved learning path in this tab.");
      return;
    }
    void (async () => {
      try {
        const response = await fetch("/api/paths", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ path }),
        });
        const body = (await response.json()) as { redirect_url?: string; error?: string };
        if (!response.ok || !body.redirect_url) {
          setMessage(body.error ?? "Could not save the path. Please try again.");
          return;
        }
        clearGuestPath();
        router.replace(body.redirect_url);
      } catch {
        setMessage("Connection lost. Please try again.");
      }
    })();
  }, [router]);

  return (
    <div className="mx-auto max-w-xl rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <p data-testid="save-guest-status">{message}</p>
      <Link href="/paths" className="mt-4 inline-block font-medium text-violet-700 hover:underline">
        My paths
      </Link>
    </div>
  );
}
