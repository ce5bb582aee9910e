import { describe, expect, it } from "vitest";
import { getStepInfo } from "../../../../src/core/pipeline/stepCatalogue.ts";
import type { StepConfig } from "../../../../src/core/prep/step.ts";
import {
  paramField,
  paramFields,
  paramLabel,
  parseParamInput,
} from "../../../../src/ui/recipe/paramFields.ts";

const config = (type: string, params: Record<string, unknown> = {}): StepConfig => ({
  id: type,
  type,
  enabled: true,
  columns: "auto",
  params,
});

describe("paramFields", () => {
  it("makes one field per ParamSpec, in order, showing the config's value over the default", () => {
    const fields = paramFields(getStepInfo("impute"), config("impute", { strategy: "knn", k: 7 }));
    expect(fields.map((f) => [f.key, f.control])).toEqual([
      ["strategy", "select"],
      ["fill_value", "number"],
      ["fill_text", "text"],
      ["add_indicator", "checkbox"],
      ["indicator_threshold", "number"],
      ["scope", "select"],
      ["k", "number"],
      ["max_reference", "number"],
    ]);
    const strategy = fields[0];
    expect(strategy).toMatchObject({
      label: "Strategy",
      value: "knn",
      isSet: true,
      options: ["mean", "median", "most_frequent", "constant", "knn"],
    });
    expect(fields[6]).toMatchObject({ key: "k", value: "7", min: 1, step: "1", isSet: true });
    expect(fields[4]).toMatchObject({ value: "0", min: 0, max: 1, step: "any", isSet: false });
    expect(fields[3]).toMatchObject({ value: false, doc: "add <col>_missing 0/1 columns" });
  });

  it("maps nullable numbers, lists and records", () => {
    const select = paramFields(getStepInfo("select"), config("select"));
    expect(select.find((f) => f.key === "probes")).toMatchObject({
      control: "number",
      value: "",
      nullable: true,
    });
    const parts = paramFields(getStepInfo("date_parts"), config("date_parts", { parts: ["year", "month"] }));
    expect(parts[0]).toMatchObject({ control: "list", value: "year, month" });
    const ordinal = paramField("order", { type: "record" }, { size: ["S", "M"] }, true);
    expect(ordinal).toMatchObject({ control: "json" });
    expect(JSON.parse(ordinal.value as string)).toEqual({ size: ["S", "M"] });
  });

  it("labels keys in words", () => {
    expect(paramLabel("fill_value")).toBe("Fill value");
    expect(paramLabel("k")).toBe("K");
  });
});

describe("parseParamInput", () => {
  it("reads numbers, and keeps what does not parse so validation can name it", () => {
    expect(parseParamInput({ type: "number" }, "2.5")).toBe(2.5);
    expect(parseParamInput({ type: "number" }, " 3 ")).toBe(3);
    expect(parseParamInput({ type: "number", nullable: true }, "")).toBeNull();
    expect(parseParamInput({ type: "number" }, "")).toBe("");
    expect(parseParamInput({ type: "number" }, "abc")).toBe("abc");
  });

  it("reads enums (numbers too), booleans, texts, lists and records", () => {
    expect(parseParamInput({ type: "enum", values: ["a", "b"] }, "b")).toBe("b");
    expect(parseParamInput({ type: "enum", values: [1, 2] }, "2")).toBe(2);
    expect(parseParamInput({ type: "boolean" }, true)).toBe(true);
    expect(parseParamInput({ type: "string", nullable: true }, "  ")).toBeNull();
    expect(parseParamInput({ type: "string" }, "x")).toBe("x");
    expect(parseParamInput({ type: "strings" }, "year, month,, day ")).toEqual(["year", "month", "day"]);
    expect(parseParamInput({ type: "strings" }, "")).toEqual([]);
    expect(parseParamInput({ type: "record" }, '{"a": ["x"]}')).toEqual({ a: ["x"] });
    expect(parseParamInput({ type: "record" }, "{oops")).toBe("{oops");
  });
});
