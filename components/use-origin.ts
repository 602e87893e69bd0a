import { useSyncExternalStore } from "react";

const originNeverChanges = () => () => {};

/**
 * This site's origin in the browser, null while rendering on the server and hydrating:
 * the hydrated page must match the server's HTML, which cannot know the origin the
 * visitor used (the link was relative there and absolute here: React error #418).
 */
export function useOrigin(): string | null {
  return useSyncExternalStore(
    originNeverChanges,
    () => window.location.origin,
    () => null,
  );
}
