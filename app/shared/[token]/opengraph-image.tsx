import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { SHARED_PATH_IMAGE_SIZE, SharedPathImage } from "@/components/open-graph/shared-path-image";
import { findSharedLearningPath } from "@/lib/db";

export const runtime = "nodejs";
// Read at every request: once sharing is turned off, the image is a 404 like the page.
export const dynamic = "force-dynamic";

export const size = SHARED_PATH_IMAGE_SIZE;
export const contentType = "image/png";
export const alt = "A shared learning path: its title, length, weekly hours and milestones";

type Props = { params: Promise<{ token: string }> };

/** The preview card of a shared link (og:image), drawn from the shared path alone. */
export default async function SharedPathOpenGraphImage({ params }: Props) {
  // The token is checked for its shape before any query (an unsafe one is a 404 too).
  const path = await findSharedLearningPath((await params).token);
  if (!path) notFound();
  return new ImageResponse(<SharedPathImage path={path} />, {
    ...SHARED_PATH_IMAGE_SIZE,
    // next/og's default is a year-long public cache, which would outlive turning sharing
    // off; a short private one lets a crawler's repeat fetches be cheap and no more.
    headers: { "Cache-Control": "private, max-age=300" },
  });
}
