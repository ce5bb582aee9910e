import { formatNumber } from "../charts/formatNumber.ts";

/** A score as the playground shows it; a dash where it could not be computed. */
export function fitText(score: number): string {
  return Number.isFinite(score) ? formatNumber(score) : "–";
}

/**
 * What the gap between the training and validation scores says, or null when it says little:
 * a training score clearly better than validation is the sign of overfitting.
 */
export function scoreGap(train: number, valid: number, direction: "higher" | "lower"): string | null {
  if (!Number.isFinite(train) || !Number.isFinite(valid)) return null;
  // Scores in [0, 1] (accuracy, AUC, R²) by 0.05; errors (RMSE, MAE) by a fifth of their size.
  const gap =
    direction === "higher"
      ? train - valid
      : (valid - train) / Math.max(Math.abs(train), Math.abs(valid), 1e-12) / 4;
  if (gap < 0.05) return null;
  return "Training scores clearly better than validation: the model learns the training rows' noise (overfitting). Try a simpler setting.";
}
