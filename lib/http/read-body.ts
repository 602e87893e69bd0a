import { AppError } from "@/lib/errors";

// Reading request bodies at the edge, once for every endpoint: the size limit is enforced
// while the bytes arrive, so an oversized body is never buffered whole.

/** The body's bytes, refusing with 413 once more than `maxBytes` have been declared or sent. */
export async function readBodyWithin(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw new AppError("payload_too_large");
  if (!request.body) return new Uint8Array();
  // Count while reading: a client may send more than it declared, or declare nothing.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Strict UTF-8 JSON, or 400 malformed_json. */
export function parseJsonBytes(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch (cause) {
    throw new AppError("malformed_json", { cause });
  }
}

/** A JSON body of at most `maxBytes`: 415 for another content type, 413 too big, 400 malformed. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("unsupported_media_type");
  return parseJsonBytes(await readBodyWithin(request, maxBytes));
}

/** Which form fields to read: `fields` hold one text each, `lists` hold several. */
export type FormShape = {
  maxBytes: number;
  fields: readonly string[];
  lists?: readonly string[];
};

/**
 * A body sent as JSON (or a +json type) or as a form (urlencoded or multipart), for
 * endpoints a plain HTML form can post to as well as a script. Checks run in the order
 * clients can best act on: content type (415), then size (413), then syntax (400). A form
 * becomes an object with the shape's fields; JSON comes back as parsed, for the caller's
 * schema to judge.
 */
export async function readJsonOrForm(request: Request, shape: FormShape): Promise<unknown> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const mediaType = contentType.split(";")[0]?.trim() ?? "";
  const isJson = mediaType === "application/json" || mediaType.endsWith("+json");
  const isMultipart = mediaType === "multipart/form-data";
  const isUrlEncoded = mediaType === "application/x-www-form-urlencoded";
  if (!isJson && !isMultipart && !isUrlEncoded) throw new AppError("unsupported_media_type");

  const body = await readBodyWithin(request, shape.maxBytes);
  if (isJson) return parseJsonBytes(body);
  if (isUrlEncoded) {
    return formToObject(new URLSearchParams(new TextDecoder().decode(body)), shape);
  }
  try {
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    return formToObject(form, shape);
  } catch (cause) {
    throw new AppError("invalid_input", {
      cause,
      issues: [{ field: "body", message: "The form data could not be read." }],
    });
  }
}

/**
 * Forms send a list as repeated fields or as one comma/newline separated value; a list is
 * always present (empty when not sent). A file where text belongs reads as "".
 */
function formToObject(form: FormData | URLSearchParams, shape: FormShape): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of shape.fields) {
    const value = form.get(field);
    if (value !== null) data[field] = typeof value === "string" ? value : "";
  }
  for (const list of shape.lists ?? []) {
    data[list] = form
      .getAll(list)
      .flatMap((value) => (typeof value === "string" ? value.split(/[,\n]/) : []))
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }
  return data;
}
