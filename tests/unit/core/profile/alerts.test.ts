import { describe, expect, it } from "vitest";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { isIdName } from "../../../../src/core/profile/columnAlerts.ts";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf } from "./frameOf.ts";

const N = 200;

/** A tidy frame: symmetric numbers, balanced classes, nothing to complain about. */
function cleanColumns(seed = 1) {
  const rng = makeRng(seed);
  return {
    x: Array.from({ length: N }, () => 10 + rng.next()),
    y: Array.from({ length: N }, () => 5 * rng.next() - 2),
    colour: Array.from({ length: N }, () => ["red", "green", "blue"][rng.int(3)]),
    label: Array.from({ length: N }, (_, i) => ["a", "b", "c"][i % 3]),
  };
}

const alertsOf = (frame: Frame, target?: string) => profileFrame(frame, { target, seed: 1 }).alerts;
const types = (frame: Frame, target?: string) => alertsOf(frame, target).map((a) => `${a.type}:${a.column}`);

describe("alerts", () => {
  it("raises nothing on a clean frame, with or without a target", () => {
    expect(alertsOf(frameOf(cleanColumns()))).toEqual([]);
    expect(alertsOf(frameOf(cleanColumns()), "label")).toEqual([]);
  });

  it("flags constant columns, including all-missing ones", () => {
    const frame = frameOf({
      ...cleanColumns(),
      k: Array(N).fill("same"),
      gone: { kind: "numeric", values: Array(N).fill(null) },
    });
    const found = alertsOf(frame).filter((a) => a.type === "constant");
    expect(found.map((a) => a.column)).toEqual(["gone", "k"]);
    expect(found[1].message).toContain("same");
    expect(found[0].evidence).toMatchObject({ count: 0, missing: N });
  });

  it("flags columns missing in more than 20% of rows", () => {
    const c = cleanColumns();
    const frame = frameOf({ ...c, x: c.x.map((v, i) => (i % 4 === 0 ? null : v)) });
    const a = alertsOf(frame).find((a) => a.type === "high_missing")!;
    expect(a.column).toBe("x");
    expect(a.evidence.share).toBeCloseTo(0.25, 12);
    expect(a.message).toContain("50 of 200");
    const few = frameOf({ ...c, x: c.x.map((v, i) => (i % 10 === 0 ? null : v)) });
    expect(types(few)).not.toContain("high_missing:x");
  });

  it("flags categorical columns with many levels", () => {
    const frame = frameOf({ ...cleanColumns(), city: Array.from({ length: N }, (_, i) => `city${i % 60}`) });
    const a = alertsOf(frame).find((a) => a.type === "high_cardinality")!;
    expect(a.column).toBe("city");
    expect(a.evidence.distinct).toBe(60);
  });

  it("flags skewed numbers and frequent zeros", () => {
    const rng = makeRng(2);
    const frame = frameOf({
      ...cleanColumns(),
      income: Array.from({ length: N }, () => Math.exp(2 * rng.next()) ** 2),
      visits: Array.from({ length: N }, (_, i) => (i % 3 === 0 ? 0 : 5 + (i % 7))),
    });
    const all = alertsOf(frame);
    const skew = all.find((a) => a.type === "skewed")!;
    expect(skew.column).toBe("income");
    expect(skew.evidence.skewness as number).toBeGreaterThan(1);
    const zeros = all.find((a) => a.type === "zeros")!;
    expect(zeros.column).toBe("visits");
    expect(zeros.evidence.zeros).toBe(67);
    expect(zeros.message).toContain("67 of 200");
  });

  it("flags duplicated rows with their count and share", () => {
    const c = cleanColumns();
    const dup = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [...v, ...v.slice(0, 4)]]));
    const a = alertsOf(frameOf(dup)).find((a) => a.type === "duplicates")!;
    expect(a.column).toBeNull();
    expect(a.evidence).toMatchObject({ count: 4, exampleRowIndex: N, sameAsRowIndex: 0 });
    expect(a.message).toMatch(/^4 rows repeat an earlier row exactly/);
  });

  it("still finds duplicated rows when an identifier column tells them apart", () => {
    const c = cleanColumns();
    const dup = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [...v, ...v.slice(0, 4)]]));
    const frame = frameOf({ row_id: Array.from({ length: N + 4 }, (_, i) => i + 1), ...dup });
    const a = alertsOf(frame).find((a) => a.type === "duplicates")!;
    expect(a.evidence.count).toBe(4);
    expect(a.message).toContain('"row_id"');
  });

  it("flags identifiers: by kind, by name, by a consecutive run, and unique strings", () => {
    const rng = makeRng(4);
    const shuffled = Array.from({ length: N }, (_, i) => i * 7 + 1000).sort(() => rng.next() - 0.5);
    const frame = frameOf({
      ...cleanColumns(),
      customer_id: shuffled,
      n: Array.from({ length: N }, (_, i) => i + 1),
      code: Array.from({ length: N }, (_, i) => `C-${1000 + i}`),
      ref: { kind: "id", values: Array.from({ length: N }, (_, i) => `r${i}`) },
    });
    const ids = alertsOf(frame)
      .filter((a) => a.type === "id_like")
      .map((a) => a.column);
    expect(ids).toEqual(["code", "customer_id", "n", "ref"]);
    // Unique measurements are not identifiers.
    expect(
      types(frameOf({ ...cleanColumns(), weight: Array.from({ length: N }, (_, i) => i + 0.5) })),
    ).not.toContain("id_like:weight");
  });

  it("flags highly correlated pairs under the first column, naming both", () => {
    const c = cleanColumns();
    const frame = frameOf({ ...c, x2: c.x.map((v, i) => 3 * v + 0.001 * (i % 5)) });
    const a = alertsOf(frame).find((a) => a.type === "high_correlation")!;
    expect(a.column).toBe("x");
    expect(a.evidence.other).toBe("x2");
    expect(a.evidence.value as number).toBeGreaterThan(0.99);
    expect(a.message).toContain('"x2"');
  });

  it("flags an imbalanced target", () => {
    const frame = frameOf({
      ...cleanColumns(),
      fraud: Array.from({ length: N }, (_, i) => (i % 10 === 0 ? "yes" : "no")),
    });
    const a = alertsOf(frame, "fraud").find((a) => a.type === "imbalance")!;
    expect(a.column).toBe("fraud");
    expect(a.evidence).toMatchObject({ minority: "yes", minorityCount: 20, majorityCount: 180, ratio: 9 });
    expect(alertsOf(frame).some((a) => a.type === "imbalance")).toBe(false);
  });

  it("flags a categorical column that is mostly numbers, with an example", () => {
    const frame = frameOf({
      ...cleanColumns(),
      amount: Array.from({ length: N }, (_, i) => (i % 20 === 0 ? "unknown" : String(i * 1.5))),
    });
    const a = alertsOf(frame).find((a) => a.type === "mixed_types")!;
    expect(a.column).toBe("amount");
    expect(a.evidence).toMatchObject({ numberShare: 0.95, nonNumbers: 10, example: "unknown" });
    expect(a.message).toContain('"unknown"');
  });

  it("sorts alerts by severity, then column", () => {
    const c = cleanColumns();
    const frame = frameOf({
      ...c,
      k: Array(N).fill(1),
      visits: c.x.map((_, i) => (i % 3 === 0 ? 0 : 5 + (i % 7))),
      a_const: Array(N).fill("z"),
    });
    expect(types(frame)).toEqual(["constant:a_const", "constant:k", "zeros:visits"]);
  });
});

describe("leakage alerts", () => {
  const rng = makeRng(9);
  const answer = Array.from({ length: N }, () => (rng.next() < 0.35 ? "yes" : "no"));

  it("catches an exact copy, a 0/1 copy of a yes/no target, and a copy with noise", () => {
    const frame = frameOf({
      ...cleanColumns(),
      answer,
      answer_copy: [...answer],
      as_number: answer.map((v) => (v === "yes" ? 1 : 0)),
      noisy: answer.map((v, i) => (v === "yes" ? 1 : 0) + 0.01 * ((i * 7919) % 13)),
    });
    const leaks = alertsOf(frame, "answer").filter((a) => a.type === "leakage");
    expect(leaks.map((a) => a.column)).toEqual(["answer_copy", "as_number", "noisy"]);
    expect(leaks[0].severity).toBe("high");
    expect(leaks[0].evidence).toMatchObject({ target: "answer", method: "rule", value: 1 });
    expect(leaks[0].message).toContain("100%");
  });

  it("catches a number that encodes the classes of a multiclass target", () => {
    const c = cleanColumns();
    const code = c.label.map((l, i) => ({ a: 10, b: 20, c: 30 })[l as "a"] + (i % 4) * 0.1);
    const leaks = alertsOf(frameOf({ ...c, code }), "label").filter((a) => a.type === "leakage");
    expect(leaks.map((a) => a.column)).toEqual(["code"]);
  });

  it("catches a regression target copied with tiny noise, and its text copy", () => {
    const r = makeRng(3);
    const price = Array.from({ length: N }, () => Math.round(100_000 + 50_000 * r.next()));
    const frame = frameOf({
      ...cleanColumns(),
      price,
      price_est: price.map((p) => p * (1 + 0.001 * (r.next() - 0.5))),
      price_text: price.map((p, i) => (i === 3 ? "n/k" : String(p))),
    });
    const leaks = alertsOf(frame, "price").filter((a) => a.type === "leakage");
    expect(leaks.map((a) => a.column)).toEqual(["price_est", "price_text"]);
    expect(Math.abs(leaks[0].evidence.value as number)).toBeGreaterThan(0.98);
    expect(leaks[1].evidence.method).toBe("exact_copy");
  });

  it("leaves a merely useful feature alone", () => {
    const c = cleanColumns();
    // Right on about 90% of rows: strong, not leaked.
    const hint = c.label.map((l, i) => (i % 10 === 0 ? "zz" : l));
    expect(alertsOf(frameOf({ ...c, hint }), "label").filter((a) => a.type === "leakage")).toEqual([]);
  });
});

describe("isIdName", () => {
  it("reads identifier names without catching ordinary words", () => {
    expect(
      ["id", "ID", "customer_id", "PassengerId", "orderNo", "Unnamed: 0", "row id", "uuid"].map(isIdName),
    ).toEqual(Array(8).fill(true));
    expect(
      ["paid", "valid", "casino", "whiskey", "humidity", "width", "number_vmail_messages"].map(isIdName),
    ).toEqual(Array(7).fill(false));
  });
});
