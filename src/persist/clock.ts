let last = 0;

/**
 * Milliseconds since the epoch, strictly increasing within this thread, so records made in the
 * same millisecond still sort in the order they were made.
 */
export function now(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}
