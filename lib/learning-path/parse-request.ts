import "server-only";
import { AppError } from "@/lib/errors";
import {
  type LearningPathRequest,
  learningPathRequestSchema,
  toFieldIssues,
} from "./request-schema";

// Reads and validates a generation request at the edge: size first, then content type,
// then syntax, then the shared zod schema. Nothing invalid gets past this function.

export const MAX_BODY_BYTES = 16 * 1024;

const FORM_FIELDS = ["topic", "level", "learningStyle", "durationWeeks", "hoursPerWeek"] as const;

async function readBody(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large");
  if (!request.body) return new Uint8Array();
  // Count while reading: a client may send more than it declared, or declare nothing.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
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

/** Form posts send goals as repeated fields or as one comma/newline separated value. */
function formToObject(form: FormData | URLSearchParams): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    const value = form.get(field);
    if (value !== null) data[field] = typeof value === "string" ? value : "";
  }
  data.goals = form
    .getAll("goals")
    .flatMap((value) => (typeof value === "string" ? value.split(/[,\n]/) : []))
    .map((goal) => goal.trim())
    .filter((goal) => goal.length > 0);
  return data;
}

async function decodeBody(request: Request): Promise<unknown> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const mediaType = contentType.split(";")[0]?.trim() ?? "";
  const isJson = mediaType === "application/json" || mediaType.endsWith("+json");
  const isMultipart = mediaType === "multipart/form-data";
  const isUrlEncoded = mediaType === "application/x-www-form-urlencoded";
  if (!isJson && !isMultipart && !isUrlEncoded) throw new AppError("unsupported_media_type");

  const body = await readBody(request);
  if (isJson) {
    try {
      return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } catch (cause) {
      throw new AppError("malformed_json", { cause });
    }
  }
  if (isUrlEncoded) {
    return formToObject(new URLSearchParams(new TextDecoder().decode(body)));
  }
  try {
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    return formToObject(form);
  } catch (cause) {
    throw new AppError("invalid_input", {
      cause,
      issues: [{ field: "body", message: "The form data could not be read." }],
    });
  }
}

export async function parseLearningPathRequest(request: Request): Promise<LearningPathRequest> {
  const data = await decodeBody(request);
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new AppError("invalid_input", {
      issues: [{ field: "body", message: "Send an object with the learning path fields." }],
    });
  }
  const parsed = learningPathRequestSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError("invalid_input", { issues: toFieldIssues(parsed.error) });
  }
  return parsed.data;
}
