import { isAbortError } from "../../core/errors.ts";

export { isAbortError };

/**
 * The one plain sentence to show for an error. Errors cross threads as `{name, message}`, so this
 * reads those fields and never `instanceof`; only the first line is kept so a stack never shows.
 */
export function errorMessage(err: unknown): string {
  const e = typeof err === "object" && err !== null ? (err as { name?: unknown; message?: unknown }) : null;
  const name = typeof e?.name === "string" ? e.name : "";
  const raw = typeof e?.message === "string" ? e.message : typeof err === "string" ? err : "";
  const message = raw.split("\n")[0].trim();
  if (message) return message;
  switch (name) {
    case "StorageFullError":
    case "QuotaExceededError":
      return "The browser's storage is full: delete a dataset or project and try again.";
    case "NotFoundError":
      return "That item no longer exists.";
    case "ParseError":
      return "The file could not be read as a table.";
    default:
      return "Something went wrong.";
  }
}
