import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { publicOrigin } from "./public-origin";

/**
 * The address visitors reach a page at, for the absolute links its metadata needs (a chat
 * app fetches og:image from the address given). The rules of publicOrigin; a page is not
 * handed the server's own URL, so the Host it was asked for stands in for it.
 */
export async function pageOrigin(): Promise<URL> {
  const requestHeaders = await headers();
  let own: URL;
  try {
    own = new URL(`http://${requestHeaders.get("host") ?? "localhost"}`);
  } catch {
    // A Host that is no host name.
    own = new URL("http://localhost");
  }
  return new URL(publicOrigin(new Request(own, { headers: requestHeaders }), env));
}
