import { describe, expect, it } from "vitest";
import type { RowPredictions } from "../../../../src/core/automl/artifact/predictRows.ts";
import { type CsvCell, writeCsv } from "../../../../src/core/data/writeCsv.ts";
import { predictionsCsv } from "../../../../src/core/deploy/predictionsCsv.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { HOSTILE } from "../safe/hostileInputs.ts";

/** The reference: cells through the shared writer, as `predict` wrote them before. */
function reference(out: RowPredictions): string {
  const rounded = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(8)) : null);
  const proba = [...(out.proba ?? new Map<string, Float64Array>())];
  const rows = (out.predictions as (string | number)[]).map((p, i): CsvCell[] => [
    typeof p === "number" ? rounded(p) : p,
    ...proba.map(([, v]) => rounded(v[i])),
  ]);
  return writeCsv(["prediction", ...proba.map(([label]) => `proba_${label}`)], rows);
}

describe("predictionsCsv", () => {
  const rng = makeRng(7);
  const n = 500;
  const awkward = [0, -0, 1, 1e-12, 0.1 + 0.2, 123456789.123, Number.NaN, Number.POSITIVE_INFINITY, -3.5e21];
  const value = (i: number) => (i < awkward.length ? awkward[i] : (rng.next() - 0.5) * 10 ** rng.int(12));

  it("writes the shared writer's bytes for hostile class labels", () => {
    const labels = ["__proto__", "constructor", ...HOSTILE.map((h) => h.text)];
    const proba = new Map(labels.map((l) => [l, Float64Array.from({ length: n }, (_, i) => value(i))]));
    const out = { predictions: Array.from({ length: n }, (_, i) => labels[i % labels.length]), proba };
    expect(predictionsCsv(out)).toBe(reference(out));
    expect(predictionsCsv(out).split("\n")[0]).toContain("proba___proto__");
  });

  it("writes the shared writer's bytes for regression values", () => {
    const out = { predictions: Array.from({ length: n }, (_, i) => value(i)) };
    expect(predictionsCsv(out)).toBe(reference(out));
    expect(predictionsCsv({ predictions: [] })).toBe("prediction\n");
  });
});
