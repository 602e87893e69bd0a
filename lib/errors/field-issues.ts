// Which fields of a request were wrong and why: the shape the API returns in `issues`
// and the form displays beside each field. Apart from ./index.ts so the browser can use
// it without the server's error table.

/** One entry per bad field, in the shape the API returns and the form displays. */
export type FieldIssue = { field: string; message: string };

/** Works for errors of zod and zod/mini schemas alike. */
export function toFieldIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : "body",
    message: issue.message,
  }));
}
