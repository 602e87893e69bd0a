import "server-only";
import { AppError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/errors/field-issues";
import { parseJsonBytes, readBodyWithin } from "@/lib/http/read-body";
import { type LearningPathRequest, learningPathRequestSchema } from "./request-schema";

// Reads and validates a generation request at the edge: size first, then content type,
// then syntax, then the shared zod schema. Nothing invalid gets past this function.

export const MAX_BODY_BYTES = 16 * 1024;

const FORM_FIELDS = ["topic", "level", "learningStyle", "durationWeeks", "hoursPerWeek"] as const;

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

  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if (isJson) return parseJsonBytes(body);
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
