import { AppError, errorResponse } from "@/lib/errors";
import { PAGE_BODY_LIMIT_BYTES } from "./page-body-limit";
import { assertSameOrigin } from "./same-origin";

// Pages take GET, and POST only for server actions (the auth forms). Next.js answers
// anything else that reaches a page badly: a body that is not a form is buffered and
// ignored, a malformed form or another site's server action is a 500. proxy.ts runs
// first and refuses those with a 4xx, so the page only sees requests it can answer.

const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];

/** Why proxy.ts turns this request to a page away, or undefined to let it through. */
export async function refusePagePost(request: Request): Promise<Response | undefined> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  try {
    await assertPageAction(request);
    return undefined;
  } catch (error) {
    const response = errorResponse(error);
    if (response.status === 405) response.headers.set("Allow", "GET, HEAD");
    return response;
  }
}

async function assertPageAction(request: Request): Promise<void> {
  if (request.method !== "POST") throw new AppError("method_not_allowed");
  assertSameOrigin(request);
  const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
  const isForm = FORM_TYPES.some((type) => contentType.startsWith(type));
  // A server action: JavaScript's call sends Next-Action; a form without JavaScript
  // posts itself as a form.
  if (!request.headers.has("next-action") && !isForm) throw new AppError("method_not_allowed");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > PAGE_BODY_LIMIT_BYTES) throw new AppError("payload_too_large");
  // Next hands proxy.ts its own copy of the body, cut at PAGE_BODY_LIMIT_BYTES (see
  // next.config.ts): a form that does not parse here, cut or malformed, would fail the
  // page with a 500.
  if (isForm && !(await parsesAsForm(request))) throw new AppError("malformed_form");
}

async function parsesAsForm(request: Request): Promise<boolean> {
  try {
    await request.formData();
    return true;
  } catch {
    return false;
  }
}
