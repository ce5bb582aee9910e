import type { Frame } from "../../../../src/core/data/frame.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf } from "../prep/helpers.ts";

/**
 * A small frame with every kind of column the default recipe cares about: an identifier, a
 * constant, numbers with and without many missing values, a low- and a high-cardinality
 * category, a boolean, a date, free text, and an imbalanced binary target "churn".
 */
export function mixedFrame(n = 120, seed = 1): Frame {
  const rng = makeRng(seed);
  const cities = Array.from({ length: 20 }, (_, i) => `city${i}`);
  return frameOf({
    row_id: Array.from({ length: n }, (_, i) => i + 1),
    const: Array.from({ length: n }, () => "x"),
    age: Array.from({ length: n }, () => (rng.next() < 0.1 ? null : 18 + rng.int(60))),
    income: Array.from({ length: n }, (_, i) => (i === 3 ? null : 1000 + rng.next() * 5000)),
    color: Array.from({ length: n }, () => (rng.next() < 0.05 ? null : ["red", "green", "blue"][rng.int(3)])),
    city: Array.from({ length: n }, () => cities[rng.int(20)]),
    member: Array.from({ length: n }, () => rng.next() < 0.3),
    signup: {
      kind: "datetime",
      values: Array.from({ length: n }, () => Date.UTC(2020, rng.int(12), 1 + rng.int(28))),
    },
    notes: { kind: "text", values: Array.from({ length: n }, (_, i) => `note number ${i} about things`) },
    churn: Array.from({ length: n }, (_, i) => (i % 8 === 0 ? "yes" : "no")),
  });
}
