/**
 * Named errors. Comlink carries `name` and `message` across threads, so callers branch on `err.name`,
 * never on `instanceof`. Messages are one plain sentence a person can act on.
 */
export class AppError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

// Each name is spelled out: a production build minifies class names, so `new.target.name` alone
// would give "z" in the browser where it gives "ValidationError" in Node.

/** The input cannot be read as a table (empty file, header only, binary, unknown delimiter). */
export class ParseError extends AppError {
  override name = "ParseError";
}

/** Arguments or data that break a documented rule (unknown column, one-class target, ...). */
export class ValidationError extends AppError {
  override name = "ValidationError";
}

/** `predict` or `transform` before `fit`. */
export class NotFittedError extends AppError {
  override name = "NotFittedError";
}

/** The browser's storage quota ran out; nothing half-written was kept. */
export class StorageFullError extends AppError {
  override name = "StorageFullError";
}

/** Something the user asked for does not exist (a deleted project, a missing dataset). */
export class NotFoundError extends AppError {
  override name = "NotFoundError";
}

/** True for the error an aborted `AbortSignal` throws; aborts are silent everywhere. */
export function isAbortError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: string }).name === "AbortError";
}
