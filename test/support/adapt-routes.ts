import type { LearningPath } from "@/lib/learning-path/path-schema";

// Calls of the adapt-a-saved-path endpoints as the browser makes them (same origin,
// session cookie), for the API tests. Routes are imported after the test file has set
// up its database and settings.

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type AdaptRoutes = {
  regenerate: Handler<{ id: string; index: string }>;
  replan: Handler<{ id: string }>;
  versions: Handler<{ id: string }>;
  version: Handler<{ id: string; versionId: string }>;
  undo: Handler<{ id: string }>;
  progress: Handler<{ id: string }>;
  cancel: Handler<{ id: string }>;
};

export async function importAdaptRoutes(): Promise<AdaptRoutes> {
  return {
    regenerate: (await import("@/app/api/paths/[id]/milestones/[index]/regenerate/route")).POST,
    replan: (await import("@/app/api/paths/[id]/replan/route")).POST,
    versions: (await import("@/app/api/paths/[id]/versions/route")).GET,
    version: (await import("@/app/api/paths/[id]/versions/[versionId]/route")).GET,
    undo: (await import("@/app/api/paths/[id]/undo/route")).POST,
    progress: (await import("@/app/api/paths/[id]/progress/route")).PATCH,
    cancel: (await import("@/app/api/generations/[id]/cancel/route")).POST,
  };
}

const call = (url: string, method: string, cookie: string, body?: unknown, signal?: AbortSignal) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json", host: "localhost", cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });

const params = <P>(value: P) => ({ params: Promise.resolve(value) });

/** The endpoints for one signed-in caller (`cookie`). */
export function adaptClient(routes: AdaptRoutes, cookie: string) {
  return {
    regenerate: (id: string, index: number | string, body: unknown = {}, signal?: AbortSignal) =>
      routes.regenerate(
        call(`/api/paths/${id}/milestones/${index}/regenerate`, "POST", cookie, body, signal),
        params({ id, index: String(index) }),
      ),
    replan: (id: string, body: unknown) =>
      routes.replan(call(`/api/paths/${id}/replan`, "POST", cookie, body), params({ id })),
    versions: (id: string) =>
      routes.versions(call(`/api/paths/${id}/versions`, "GET", cookie), params({ id })),
    version: (id: string, versionId: string) =>
      routes.version(
        call(`/api/paths/${id}/versions/${versionId}`, "GET", cookie),
        params({ id, versionId }),
      ),
    undo: (id: string) =>
      routes.undo(call(`/api/paths/${id}/undo`, "POST", cookie), params({ id })),
    tick: (id: string, body: unknown) =>
      routes.progress(call(`/api/paths/${id}/progress`, "PATCH", cookie, body), params({ id })),
    cancel: (jobId: string) =>
      routes.cancel(
        call(`/api/generations/${jobId}/cancel`, "POST", cookie),
        params({ id: jobId }),
      ),
  };
}

export type VersionsBody = {
  versions: {
    id: string;
    number: number;
    change: { kind: string; summary: string };
    current: boolean;
  }[];
};

/** Milestones without what an adaptation may rewrite, to compare the kept ones. */
export const milestoneShape = (path: LearningPath) =>
  path.milestones.map(({ weekStart, weekEnd, estimatedHours }) => ({
    weekStart,
    weekEnd,
    estimatedHours,
  }));

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
