import { AppError } from "@/lib/errors";

/** Reads a JSON body of at most `maxBytes`, mapping problems to the product's error codes. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("unsupported_media_type");
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw new AppError("payload_too_large");
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBytes) throw new AppError("payload_too_large");
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError("malformed_json", { cause });
  }
}
