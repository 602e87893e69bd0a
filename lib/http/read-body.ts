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
