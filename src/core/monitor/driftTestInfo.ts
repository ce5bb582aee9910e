/**
 * The drift tests' catalogue part: ids, labels, default thresholds and how each decides. The UI
 * imports this (no statistics code); columnDrift.ts runs the tests.
 */

/** Ids of the drift tests. */
export type DriftTestId = "ks" | "chi2" | "z" | "wasserstein" | "jensen_shannon" | "psi";
export const DRIFT_TESTS: readonly DriftTestId[] = [
  "ks",
  "chi2",
  "z",
  "wasserstein",
  "jensen_shannon",
  "psi",
];

/** Tests that give a p-value (drift when p < threshold); the rest are distances (drift when >= threshold). */
export const P_VALUE_TESTS: readonly DriftTestId[] = ["ks", "chi2", "z"];

/** Evidently's default thresholds. */
export const DEFAULT_THRESHOLD: Record<DriftTestId, number> = {
  ks: 0.05,
  chi2: 0.05,
  z: 0.05,
  wasserstein: 0.1,
  jensen_shannon: 0.1,
  psi: 0.1,
};

/** Names for people. */
export const DRIFT_TEST_LABELS: Record<DriftTestId, string> = {
  ks: "Kolmogorov-Smirnov",
  chi2: "Chi-squared",
  z: "Z-test of proportions",
  wasserstein: "Wasserstein (normed)",
  jensen_shannon: "Jensen-Shannon distance",
  psi: "PSI",
};

/** Tests that read numbers only (the rest also read categories). */
export const NUMERIC_ONLY_TESTS: readonly DriftTestId[] = ["ks", "wasserstein"];

/** "p < 0.05" or "distance ≥ 0.1": when a test says drift. */
export function driftRule(test: DriftTestId, threshold: number): string {
  return P_VALUE_TESTS.includes(test)
    ? `p < ${threshold}`
    : `${test === "psi" ? "PSI" : "distance"} ≥ ${threshold}`;
}
