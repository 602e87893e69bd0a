import "server-only";
import { AppError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/errors/field-issues";
import { type LearningPathRequest, learningPathRequestSchema } from "./request-schema";

// A generation request as the routes receive it: JSON from the app's own form, or a plain
// form post (see readJsonOrForm in lib/http/read-body.ts), then the shared zod schema.
// Nothing invalid gets past parseLearningPathRequest.

/** How a generation request's body is read: a few short fields, goals as a list. */
export const LEARNING_PATH_REQUEST_BODY = {
  maxBytes: 16 * 1024,
  fields: ["topic", "level", "learningStyle", "durationWeeks", "hoursPerWeek"],
  lists: ["goals"],
} as const;

/** The decoded body as a valid request, or 400 naming each bad field. */
export function parseLearningPathRequest(data: unknown): LearningPathRequest {
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
