import { StorageFullError } from "../core/errors.ts";
import { estimateStorage, formatBytes } from "./storage.ts";

/** The parts of an idb transaction a write needs. */
interface WriteTx {
  readonly done: Promise<void>;
  readonly error: DOMException | null;
  abort(): void;
}

/** True for a browser's "quota exceeded" error, however it is spelled (legacy DOMException code 22). */
export function isQuotaError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || code === 22;
}

/**
 * Queues a write request without awaiting it. Its failure aborts the transaction and surfaces
 * through `commit`; its reason is kept because `tx.done` may only say "AbortError".
 */
export type Write = (request: Promise<unknown>) => void;

/**
 * Runs `body` inside `tx` and waits for the commit. On any failure the transaction is aborted, so
 * nothing half-written stays, and a quota failure becomes a StorageFullError. Browsers report quota
 * as a put's error, as a synchronous throw, or only at commit (the transaction aborts, `tx.error`
 * says why, the requests see AbortError), so the caught error, `tx.error` and every failed write
 * are checked. `body` must only await requests of `tx`, or the transaction commits early.
 */
export async function commit<T>(
  tx: WriteTx,
  body: (write: Write) => Promise<T> | T,
  quotaMessage: () => Promise<string> = async () =>
    "Not enough storage space to save this change. Delete a project or dataset and try again.",
): Promise<T> {
  const failures: unknown[] = [];
  const write: Write = (request) => {
    request.catch((err) => failures.push(err));
  };
  const done = tx.done;
  done.catch(() => {}); // awaited below; only guards against an unhandled rejection when body throws
  try {
    const result = await body(write);
    await done;
    return result;
  } catch (err) {
    const txError = tx.error;
    try {
      tx.abort();
    } catch {
      // Already finished (aborted or committed): nothing to roll back.
    }
    if ([err, txError, ...failures].some(isQuotaError)) throw new StorageFullError(await quotaMessage());
    throw err;
  }
}

/** The message for a dataset that did not fit, with the numbers when the browser gives them. */
export async function datasetQuotaMessage(neededBytes: number): Promise<string> {
  const { usage, quota } = await estimateStorage();
  const free = quota > 0 ? `; ${formatBytes(Math.max(0, quota - usage))} are free` : "";
  return (
    `Not enough storage space to keep this dataset (it needs about ${formatBytes(neededBytes)}${free}). ` +
    "Delete a project or dataset and try again."
  );
}
