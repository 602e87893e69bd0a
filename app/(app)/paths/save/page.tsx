import { redirect } from "next/navigation";
import { SaveGuestPath } from "@/components/save-guest-path";
import { auth } from "@/lib/auth";

export default async function SaveGuestPathPage() {
  const session = await auth();
  if (!session?.user?.id) redirect("/sign-in?callbackUrl=/paths/save");
  return <SaveGuestPath />;
}
