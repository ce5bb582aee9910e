import { describe, expect, it } from "vitest";
import { textFeaturesStep } from "../../../../src/core/features/index.ts";
import { configOf, fitApply, frameOf, names, valuesOf } from "./helpers.ts";

function close(actual: number[], expected: number[]) {
  actual.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i], 5);
  });
}

describe("text_features", () => {
  const train = frameOf({
    t: { kind: "text", values: ["The cat sat", "the dog sat", "The cat ran!", null] },
  });
  const config = configOf(textFeaturesStep, { top_k: 3, pattern: "c[a]t" });

  it("gives length, word count and a regex match, NaN for missing text", () => {
    const { out } = fitApply(textFeaturesStep, train, config);
    expect(valuesOf(out, "length(t)")).toEqual([11, 11, 12, Number.NaN]);
    expect(valuesOf(out, "words(t)")).toEqual([3, 3, 3, Number.NaN]);
    expect(valuesOf(out, "contains(t)")).toEqual([1, 0, 1, Number.NaN]);
  });

  it("matches TF-IDF worked by hand on a 3-document corpus (smooth idf, l2 rows)", () => {
    // df: the 3, cat 2, sat 2, dog 1, ran 1; top 3 = the, cat, sat (ties alphabetical).
    // idf(the) = ln(4/4) + 1 = 1; idf(cat) = idf(sat) = ln(4/3) + 1 = 1.287682.
    // Row 1 (1, 1.287682, 1.287682) / 2.077558; rows 2 and 3 (1, 1.287682) / 1.630374.
    const { state, out } = fitApply(textFeaturesStep, train, config);
    expect(state.columns[0].vocabulary.terms).toEqual(["the", "cat", "sat"]);
    expect(state.columns[0].vocabulary.idf[1]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(names(out).slice(-3)).toEqual(["tfidf:the", "tfidf:cat", "tfidf:sat"]);
    close(valuesOf(out, "tfidf:the"), [0.481334, 0.613356, 0.613356, 0]);
    close(valuesOf(out, "tfidf:cat"), [0.619805, 0, 0.789807, 0]);
    close(valuesOf(out, "tfidf:sat"), [0.619805, 0.789807, 0, 0]);
  });

  it("keeps the vocabulary learned from training rows when transforming other rows", () => {
    const state = JSON.parse(JSON.stringify(textFeaturesStep.fit(train, config, { rng: {} as never })));
    const before = JSON.stringify(state);
    const other = frameOf({ t: { kind: "text", values: ["bird bird bird", "sat sat"] } });
    const out = textFeaturesStep.transform(other, state, config);
    expect(valuesOf(out, "tfidf:the")).toEqual([0, 0]);
    expect(valuesOf(out, "tfidf:sat")).toEqual([0, 1]);
    expect(names(out)).not.toContain("tfidf:bird");
    expect(JSON.stringify(state)).toBe(before);
  });

  it("refuses patterns that could backtrack catastrophically or do not compile", () => {
    for (const pattern of ["(a+)+$", "(x*)*", "(a)\\1", "(", "x".repeat(201)]) {
      expect(() => textFeaturesStep.validate?.(configOf(textFeaturesStep, { pattern }))).toThrow(
        /invalid pattern/,
      );
    }
    expect(() =>
      textFeaturesStep.validate?.(configOf(textFeaturesStep, { pattern: "\\bfree\\b|win+er" })),
    ).not.toThrow();
  });
});
