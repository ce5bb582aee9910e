import { describe, expect, it } from "vitest";
import { datePartsStep } from "../../../../src/core/features/index.ts";
import { configOf, fitApply, frameOf, names, valuesOf } from "./helpers.ts";

const when = (iso: string) => Date.parse(iso);

describe("date_parts", () => {
  const frame = frameOf({
    d: {
      kind: "datetime",
      values: [
        when("2024-03-15T14:30:00Z"),
        when("2023-12-31T00:00:00Z"),
        when("2021-07-04T23:59:00Z"),
        null,
      ],
    },
    x: [1, 2, 3, 4],
  });

  it("splits known UTC dates into their calendar parts", () => {
    const { out } = fitApply(
      datePartsStep,
      frame,
      configOf(datePartsStep, { parts: [...(datePartsStep.defaults.parts as string[]), "day_of_year"] }),
    );
    expect(valuesOf(out, "year(d)")).toEqual([2024, 2023, 2021, Number.NaN]);
    expect(valuesOf(out, "month(d)")).toEqual([3, 12, 7, Number.NaN]);
    expect(valuesOf(out, "day(d)")).toEqual([15, 31, 4, Number.NaN]);
    // Friday, Sunday, Sunday with Monday = 0.
    expect(valuesOf(out, "day_of_week(d)")).toEqual([4, 6, 6, Number.NaN]);
    expect(valuesOf(out, "is_weekend(d)")).toEqual([0, 1, 1, Number.NaN]);
    expect(valuesOf(out, "quarter(d)")).toEqual([1, 4, 3, Number.NaN]);
    expect(valuesOf(out, "hour(d)")).toEqual([14, 0, 23, Number.NaN]);
    expect(valuesOf(out, "day_of_year(d)")).toEqual([75, 365, 185, Number.NaN]);
    expect(out.columns.find((c) => c.name === "is_weekend(d)")?.kind).toBe("boolean");
    expect(names(out)[0]).toBe("year(d)");
    expect(names(out)).not.toContain("d");
  });

  it("makes no hour column when the training times do not vary, and keeps the source on request", () => {
    const days = frameOf({
      d: { kind: "datetime", values: [when("2024-01-01T00:00:00Z"), when("2024-01-02T00:00:00Z")] },
    });
    const { state, out } = fitApply(datePartsStep, days, configOf(datePartsStep, { keep_source: true }));
    expect(state.columns[0].parts).not.toContain("hour");
    expect(names(out)).toEqual([
      "d",
      "year(d)",
      "month(d)",
      "day(d)",
      "day_of_week(d)",
      "is_weekend(d)",
      "quarter(d)",
    ]);
  });

  it("rejects a non-date column and an unknown part", () => {
    expect(() => datePartsStep.fit(frame, configOf(datePartsStep, {}, ["x"]), { rng: {} as never })).toThrow(
      /not a date/,
    );
    expect(() => datePartsStep.validate?.(configOf(datePartsStep, { parts: ["century"] }))).toThrow(
      /params.parts: invalid value "century"/,
    );
  });
});
