import { AppError } from "@/lib/errors";
import { isSafeText } from "@/lib/validation/safe-text";

/**
 * The `[id]` of a dynamic API route. Ids are the app's own, so one holding a character
 * no id has names nothing: 404 as for any unknown id (a NUL went on to the database,
 * which threw: 500 on both engines).
 */
export async function routeId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!isSafeText(id)) throw new AppError("not_found");
  return id;
}

/** A position in a list (`[index]` of a route): digits only, else 404 as for a missing one. */
export function routeIndex(text: string): number {
  if (!/^\d{1,4}$/.test(text)) throw new AppError("not_found");
  return Number(text);
}
