import type { StateReader } from "../stateReader.ts";

/** The fields every CART-family state shares (decision tree, random forest, extra trees). */
export interface CartHeader {
  task: "classification" | "regression";
  /** Classes (classification) or 1. */
  n_classes: number;
  features: string[];
  /** Normalised impurity decrease per feature, summing to 1 (all 0 for a single leaf). */
  feature_importances: number[];
}

/** Reads the shared fields of a CART state object `s`, checking that they agree with each other. */
export function readCartHeader(read: StateReader, s: Record<string, unknown>): CartHeader {
  const task = read.choice(s.task, "state: task", ["classification", "regression"]);
  const n_classes = read.int(s.n_classes, "state: n_classes", 1, 100_000);
  if (task === "regression" && n_classes !== 1)
    read.fail("state: n_classes", `${n_classes} for a regression model, expected 1`);
  const features = read.strings(s.features, "state: features");
  const feature_importances = read.numbers(
    s.feature_importances,
    "state: feature_importances",
    features.length,
    {
      min: 0,
      max: 1,
    },
  );
  return { task, n_classes, features, feature_importances };
}
