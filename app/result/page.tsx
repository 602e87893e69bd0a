import type { Metadata } from "next";
import { GuestResult } from "@/components/guest-result";

export const metadata: Metadata = { title: "Your learning path · AI Learning Path Generator" };

export default function ResultPage() {
  return <GuestResult />;
}
