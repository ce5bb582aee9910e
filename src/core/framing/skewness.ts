/**
 * When a numeric column counts as skewed: |skewness| above 1, a common rule of thumb for "highly
 * skewed" (Bulmer, Principles of Statistics). One threshold for every text that says "skewed":
 * Explore's alert and the metric proposal for a regression target.
 */
export const SKEW_THRESHOLD = 1;

/** True when `skewness` is past the threshold on either side; false for null (too few values). */
export function isSkewed(skewness: number | null | undefined): boolean {
  return skewness !== null && skewness !== undefined && Math.abs(skewness) > SKEW_THRESHOLD;
}
