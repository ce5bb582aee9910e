import { describe, expect, it } from "vitest";
import { ByteDict } from "../../../../src/core/data/byteDict.ts";

const enc = new TextEncoder();

/** Adds every value (finding repeats) and returns the codes. */
function codesOf(dict: ByteDict, values: string[]): number[] {
  return values.map((v, row) => {
    const b = enc.encode(v);
    const code = dict.find(b, 0, b.length);
    return code >= 0 ? code : dict.add(b, 0, b.length, row + 2, "utf-8");
  });
}

describe("ByteDict", () => {
  it("gives each distinct value one code, counts first rows, and decodes levels", () => {
    const dict = new ByteDict();
    expect(codesOf(dict, ["b", "a", "b", "", "é", "a", "é"])).toEqual([0, 1, 0, 2, 3, 1, 3]);
    expect(Array.from(dict.firstRows.subarray(0, dict.size))).toEqual([2, 3, 5, 6]);
    expect(dict.finish()).toEqual(["b", "a", "", "é"]);
  });

  it("survives growth to many thousands of values", () => {
    const dict = new ByteDict();
    const values = Array.from({ length: 50_000 }, (_, i) => `v${(i * 7919) % 20_000}`);
    const codes = codesOf(dict, values);
    expect(dict.size).toBe(20_000);
    const levels = dict.finish();
    expect(codes.map((c) => levels[c])).toEqual(values);
  });

  it("decodes the pool in slabs of whole values", () => {
    const dict = new ByteDict(10);
    const values = ["alpha", "be", "gamma-ray", "d", "a-much-longer-value-than-a-slab", "z"];
    codesOf(dict, values);
    expect(dict.finish()).toEqual(values);
  });
});
