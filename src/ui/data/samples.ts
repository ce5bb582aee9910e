import type { IngestSource } from "../../../workers/dataApi.ts";

/** A dataset bundled with the app (public/samples), described for the gallery. */
export interface Sample {
  id: string;
  /** Relative to the app's base, so the app works from any path and offline (precached). */
  url: string;
  title: string;
  rows: number;
  columns: number;
  target: string;
  task: string;
  /** One line on what the dataset is good for learning. */
  teaches: string;
}

const sample = (s: Omit<Sample, "url">): Sample => ({
  ...s,
  url: `${import.meta.env.BASE_URL}samples/${s.id}.csv`,
});

export const SAMPLES: readonly Sample[] = [
  sample({
    id: "iris",
    title: "Iris flowers",
    rows: 150,
    columns: 5,
    target: "target",
    task: "Classification, 3 classes",
    teaches: "Three well-separated classes: a first classifier in seconds",
  }),
  sample({
    id: "penguins",
    title: "Palmer penguins",
    rows: 344,
    columns: 8,
    target: "species",
    task: "Classification, 3 classes",
    teaches: "Real missing values (NA) to clean before training",
  }),
  sample({
    id: "churn",
    title: "Telecom churn",
    rows: 5000,
    columns: 20,
    target: "churn",
    task: "Binary classification",
    teaches: "Imbalanced yes/no target with mixed categorical and numeric columns",
  }),
  sample({
    id: "ames",
    title: "Ames housing",
    rows: 2930,
    columns: 74,
    target: "Sale_Price",
    task: "Regression",
    teaches: "Many categorical columns and a skewed price to predict",
  }),
  sample({
    id: "seattle-weather",
    title: "Seattle weather",
    rows: 1461,
    columns: 6,
    target: "weather",
    task: "Classification, 5 classes",
    teaches: "A date column and an imbalanced five-class target",
  }),
  sample({
    id: "wine",
    title: "Wine recognition",
    rows: 178,
    columns: 14,
    target: "target",
    task: "Classification, 3 classes",
    teaches: "Chemical measurements on very different scales: why scaling matters",
  }),
  sample({
    id: "breast_cancer",
    title: "Breast cancer (Wisconsin)",
    rows: 569,
    columns: 31,
    target: "target",
    task: "Binary classification",
    teaches: "Thirty correlated measurements: ROC AUC and feature selection",
  }),
  sample({
    id: "diabetes",
    title: "Diabetes progression",
    rows: 442,
    columns: 11,
    target: "target",
    task: "Regression",
    teaches: "A small, noisy regression where a linear model is hard to beat",
  }),
  sample({
    id: "concrete",
    title: "Concrete strength",
    rows: 1030,
    columns: 9,
    target: "compressive_strength",
    task: "Regression",
    teaches: "Strength from mix amounts and age: non-linear effects and ratio features",
  }),
  sample({
    id: "credit_data",
    title: "Credit scoring",
    rows: 4454,
    columns: 14,
    target: "Status",
    task: "Binary classification",
    teaches: "Missing values, mixed types and an imbalanced good/bad target",
  }),
  sample({
    id: "sacramento",
    title: "Sacramento home sales",
    rows: 932,
    columns: 9,
    target: "price",
    task: "Regression",
    teaches: "Prices with high-cardinality cities and zip codes, plus latitude and longitude",
  }),
];

/** The worker resolves URLs against its own script, so hand it an absolute one. */
export function sampleSource(s: Sample): IngestSource {
  return { type: "sample", url: new URL(s.url, document.baseURI).href, name: `${s.id}.csv` };
}
