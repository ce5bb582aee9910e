import { describe, expect, it } from "vitest";
import type { ColumnKind } from "../../../../src/core/data/frame.ts";
import { quickFloatReason } from "../../../../src/core/pipeline/proposeRecipe.ts";
import { floatColumn } from "../../../../src/core/prep/columns.ts";
import { idLikeAlert } from "../../../../src/core/profile/columnAlerts.ts";
import { columnStats } from "../../../../src/core/profile/columnStats.ts";
import { makeRng } from "../../../../src/core/random.ts";

/** The answer from the full statistics, as proposeRecipe gave it before the one-pass check. */
function fullReason(values: Float64Array, kind: ColumnKind, name: string): string | null {
  const col = floatColumn(name, values, { kind });
  const p = columnStats(col);
  if (p.distinct <= 1) return "constant";
  return idLikeAlert(col, p) ? "an identifier" : null;
}

const I = Number.POSITIVE_INFINITY;
const N = Number.NaN;

describe("quickFloatReason", () => {
  it("agrees with the full statistics wherever it answers, on edge cases and drawn columns", () => {
    const cases: number[][] = [
      [],
      [N, N, N],
      [0, -0, 0, N],
      [-0, 0],
      [1.5, 1.5, N, 1.5],
      [I, I, N],
      [I, -I],
      [2, I],
      [2.5, I],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
      [3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6],
      [0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    ];
    const rng = makeRng(7);
    for (let t = 0; t < 200; t++) {
      const n = 1 + rng.int(40);
      const levels = 1 + rng.int(4);
      const whole = rng.next() < 0.5;
      cases.push(
        Array.from({ length: n }, (_, i) => {
          const u = rng.next();
          if (u < 0.1) return N;
          if (u < 0.12) return rng.next() < 0.5 ? I : -I;
          if (rng.next() < 0.3) return i; // a run of row numbers
          const x = rng.int(levels) - 1;
          return whole ? x : x + 0.25;
        }),
      );
    }
    let answered = 0;
    for (const [i, c] of cases.entries()) {
      for (const kind of ["numeric", "datetime"] as const) {
        for (const name of ["x", "customer_id"]) {
          const values = Float64Array.from(c);
          const quick = quickFloatReason(floatColumn(name, values, { kind }));
          if (quick === undefined) continue;
          answered++;
          expect(quick, `case ${i} ${kind} ${name}: ${c.join(",")}`).toBe(fullReason(values, kind, name));
        }
      }
    }
    expect(answered).toBeGreaterThan(cases.length);
  });

  it("leaves whole-number columns of 10+ values, and other kinds, to the full statistics", () => {
    const ids = Float64Array.from({ length: 12 }, (_, i) => i + 1);
    expect(quickFloatReason(floatColumn("row", ids, { kind: "numeric" }))).toBeUndefined();
    expect(fullReason(ids, "numeric", "row")).toBe("an identifier");
    expect(quickFloatReason(floatColumn("b", Float64Array.of(0, 1, 1), { kind: "boolean" }))).toBeUndefined();
    expect(quickFloatReason(floatColumn("i", Float64Array.of(1, 2, 3), { kind: "id" }))).toBeUndefined();
    // Whole numbers on a datetime column are never an id: answered at once.
    expect(quickFloatReason(floatColumn("t", ids, { kind: "datetime" }))).toBeNull();
  });
});
