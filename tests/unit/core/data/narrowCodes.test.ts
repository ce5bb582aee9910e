import { describe, expect, it } from "vitest";
import { fullDecodes } from "../../../../src/core/data/decodedOnce.ts";
import { isNarrow, NarrowCodes, packCodes, reviveCodes } from "../../../../src/core/data/narrowCodes.ts";
import { gatherColumns } from "../../../../src/core/pipeline/gatherColumns.ts";
import { columnLength, dictColumn, takeColumnRows } from "../../../../src/core/prep/columns.ts";

const levelsOf = (k: number) => Array.from({ length: k }, (_, i) => `L${i}`);

describe("packCodes", () => {
  it("keeps codes and missing cells in 1 byte below 255 levels, 2 below 65,535", () => {
    for (const [k, width] of [
      [1, 1],
      [254, 1],
      [255, 2],
      [65534, 2],
    ] as const) {
      const codes = Int32Array.of(0, -1, k - 1, Math.floor(k / 2), -1);
      const packed = packCodes(codes, levelsOf(k))!;
      expect([k, packed.store.BYTES_PER_ELEMENT]).toEqual([k, width]);
      expect(Array.from(packed.decode())).toEqual(Array.from(codes));
      expect(Array.from(packed.codes)).toEqual(Array.from(codes));
      expect(Array.from(codes, (_, i) => packed.missingAt(i))).toEqual([false, true, false, false, true]);
    }
  });

  it("refuses 65,535 levels or more, and codes outside the levels", () => {
    expect(packCodes(Int32Array.of(0), levelsOf(65535))).toBeNull();
    expect(packCodes(Int32Array.of(0, 3), levelsOf(3))).toBeNull();
    expect(packCodes(Int32Array.of(0, -2), levelsOf(3))).toBeNull();
  });
});

describe("NarrowCodes readers", () => {
  const codes = Int32Array.of(2, 0, -1, 1, 2, -1, 0);
  const levels = ["a", "b", "c"];

  it("gather, takeColumnRows and gatherColumns give what the Int32 column gives, decoding nothing whole", () => {
    const plain = dictColumn("k", codes.slice(), levels);
    const narrow = dictColumn("k", codes.slice(), levels);
    narrow.data = packCodes(codes, levels)!;
    const idx = [6, 5, 0, 0, 2, 3];
    const before = fullDecodes();
    expect(takeColumnRows(narrow, idx)).toEqual(takeColumnRows(plain, idx));
    const [g] = gatherColumns([narrow], Int32Array.from(idx));
    const [h] = gatherColumns([plain], Int32Array.from(idx));
    expect(g).toEqual(h);
    expect(columnLength(narrow)).toBe(codes.length);
    expect(fullDecodes()).toBe(before);
    const out = new Int32Array(idx.length + 1);
    (narrow.data as NarrowCodes).gather(idx, out, 1);
    expect(Array.from(out.subarray(1))).toEqual(idx.map((i) => codes[i]));
  });

  it("revives from its fields, as a thread receives it", () => {
    const posted = structuredClone(packCodes(codes, levels)!) as unknown;
    expect((posted as { codes?: unknown }).codes).toBeUndefined();
    const revived = reviveCodes(posted);
    expect(isNarrow(revived)).toBe(true);
    expect(revived).toBeInstanceOf(NarrowCodes);
    expect(Array.from((revived as NarrowCodes).codes)).toEqual(Array.from(codes));
    const plain = { type: "dict", codes, levels };
    expect(reviveCodes(plain)).toBe(plain);
  });
});
