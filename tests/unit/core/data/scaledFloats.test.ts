import { describe, expect, it } from "vitest";
import { fullDecodes } from "../../../../src/core/data/decodedOnce.ts";
import { type Column, missingTest } from "../../../../src/core/data/frame.ts";
import {
  isScaled,
  packScaled,
  reviveScaled,
  type ScaledFloats,
} from "../../../../src/core/data/scaledFloats.ts";
import { gatherColumns } from "../../../../src/core/pipeline/gatherColumns.ts";
import { columnLength, floatColumn, takeColumnRows } from "../../../../src/core/prep/columns.ts";
import { makeRng } from "../../../../src/core/random.ts";

/** Bit-for-bit equality (Object.is: -0 and NaN too), as one readable list of mismatches. */
function mismatches(a: ArrayLike<number>, b: ArrayLike<number>): string[] {
  const out: string[] = [];
  if (a.length !== b.length) out.push(`length ${a.length} vs ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (!Object.is(a[i], b[i])) out.push(`[${i}] ${a[i]} vs ${b[i]}`);
  return out;
}

const pack = (values: number[]) => packScaled(Float64Array.from(values));

describe("packScaled", () => {
  it("decodes tricky decimals exactly, as the parsed text", () => {
    const texts = [
      "0.1",
      "0.2",
      "0.3",
      "-0.1",
      "-1.5",
      "2.675",
      "1.005",
      "0.07",
      "1e-7",
      "-1e-7",
      "123.4567891",
      "0.000001",
      "9.999999",
      "-214.7483647",
      "3",
      "-3",
      "0",
      "0.5",
      "0.25",
      "0.125",
    ];
    const values = texts.map(Number);
    const packed = pack(values)!;
    expect(packed).not.toBeNull();
    expect(packed.scale).toBe(1e7);
    // 123.4567891 needs 7 decimals too; 123456.789 would make the span (x 10^7) too wide for 4 bytes.
    expect(pack([...values, 123456.789])).toBeNull();
    expect(mismatches(packed.decode(), values)).toEqual([]);
    expect(mismatches(packed.values, values)).toEqual([]);
  });

  it("keeps missing values missing, at every width", () => {
    for (const span of [10, 1000, 100_000, 100_000_000]) {
      const values = [Number.NaN, 0, span, Number.NaN, span / 2];
      const packed = pack(values)!;
      expect([span, packed.width]).toEqual([
        span,
        span < 254 ? 1 : span < 65534 ? 2 : span < 16777214 ? 3 : 4,
      ]);
      expect(mismatches(packed.decode(), values)).toEqual([]);
    }
    const empty = pack([Number.NaN, Number.NaN])!;
    expect(mismatches(empty.decode(), [Number.NaN, Number.NaN])).toEqual([]);
    expect(mismatches(pack([])!.decode(), [])).toEqual([]);
  });

  it("uses the edges of each width: the largest span fits, one more takes the next width", () => {
    for (const [span, width] of [
      [253, 1],
      [254, 2],
      [65533, 2],
      [65534, 3],
      [16777213, 3],
      [16777214, 4],
      [4294967293, 4],
    ] as const) {
      const values = [-7, -7 + span, Number.NaN, -0, 0];
      const packed = pack(values)!;
      expect([span, packed.width]).toEqual([span, width]);
      expect(mismatches(packed.decode(), values)).toEqual([]);
      // missingAt reads the store: only the NaN, not -0 (the next code) nor the largest value.
      expect(values.map((_, i) => packed.missingAt(i))).toEqual([false, false, true, false, false]);
    }
    expect(pack([0, 4294967294])).toBeNull();
  });

  it("keeps -0 apart from 0, whatever the base", () => {
    for (const values of [
      [-0, 0, Number.NaN],
      [-0, -0],
      [-0.5, -0, 0, 0.5, -0.00001],
      [3, -0, 7],
    ]) {
      const packed = pack(values)!;
      expect(mismatches(packed.decode(), values)).toEqual([]);
      const out = new Float64Array(values.length);
      packed.gather(
        values.map((_, i) => i),
        out,
      );
      expect(mismatches(out, values)).toEqual([]);
    }
  });

  it("values near 2^31 / 10^d, and 9 decimals", () => {
    // k = 2^31 - 1 and -(2^31 - 2) at 4 decimals: a span of 2^32 - 3, the widest 4 bytes take.
    const near = [214748.3647, -214748.3646, 214748.3646, 0.0001, -0.0001, Number.NaN];
    const packed = pack(near)!;
    expect([packed.scale, packed.width]).toEqual([1e4, 4]);
    expect(mismatches(packed.decode(), near)).toEqual([]);
    expect(pack([214748.3647, -214748.3648])).toBeNull();
    const nine = [0.000123456, 1.000000001, -2.147483647, 2.147483646];
    const fine = pack(nine)!;
    expect(fine.scale).toBe(1e9);
    expect(mismatches(fine.decode(), nine)).toEqual([]);
    const big = [2147483647, -2147483646, 2147483640];
    expect(mismatches(pack(big)!.decode(), big)).toEqual([]);
  });

  it("refuses what it cannot give back exactly: the column then stays Float64", () => {
    expect(pack([1, 0.1 + 0.2])).toBeNull();
    expect(pack([1e-10])).toBeNull();
    expect(pack([Math.PI])).toBeNull();
    expect(pack([1, Number.POSITIVE_INFINITY])).toBeNull();
    expect(pack([Number.NEGATIVE_INFINITY])).toBeNull();
    // A span past 4 bytes, and k past 2^53.
    expect(pack([0, 5e9])).toBeNull();
    expect(pack([0.5, 2 ** 53])).toBeNull();
    expect(pack([1e300])).toBeNull();
  });

  it("seeded random decimals of 0-9 places: decoded === Number(text)", () => {
    const rng = makeRng(16);
    for (let trial = 0; trial < 200; trial++) {
      const d = trial % 10;
      const magnitude = 10 ** Math.floor(rng.next() * 5);
      const values = Array.from({ length: 200 }, () => {
        if (rng.next() < 0.05) return Number.NaN;
        const v = (rng.next() * 2 - 1) * magnitude;
        const text = v.toFixed(d);
        return Number(text);
      });
      const packed = pack(values);
      if (!packed) {
        // Only a span past 4 bytes may refuse.
        const finite = values.filter((v) => !Number.isNaN(v));
        expect((Math.max(...finite) - Math.min(...finite)) * 10 ** d).toBeGreaterThanOrEqual(2 ** 32 - 1);
        continue;
      }
      expect(mismatches(packed.decode(), values)).toEqual([]);
    }
  });
});

describe("ScaledFloats readers", () => {
  const values = Float64Array.from([0.91575, -1.60895, Number.NaN, 2.84544, 0, -0.0001, 1.5]);
  const scaledColumn = (): Column => {
    const col = floatColumn("x", values.slice(), { kind: "numeric" });
    col.data = packScaled(values)!;
    return col;
  };

  it("gather, takeColumnRows and gatherColumns give what the Float64 column gives", () => {
    const plain = floatColumn("x", values.slice(), { kind: "numeric" });
    const scaled = scaledColumn();
    expect(isScaled(scaled.data)).toBe(true);
    expect((scaled.data as ScaledFloats).width).toBe(3);
    const idx = [6, 0, 2, 2, 5, 3, 1, 4];
    const out = new Float64Array(idx.length + 2);
    (scaled.data as ScaledFloats).gather(idx, out, 2);
    expect(
      mismatches(
        out.subarray(2),
        Array.from(idx, (i) => values[i]),
      ),
    ).toEqual([]);
    const before = fullDecodes();
    const a = takeColumnRows(scaled, idx);
    const b = takeColumnRows(plain, idx);
    expect(a).toEqual(b);
    const [g] = gatherColumns([scaled], Int32Array.from(idx));
    const [h] = gatherColumns([plain], Int32Array.from(idx));
    expect(
      mismatches((g.data as { values: Float64Array }).values, (h.data as { values: Float64Array }).values),
    ).toEqual([]);
    expect([g.missing, g.unique]).toEqual([h.missing, h.unique]);
    expect(columnLength(scaled)).toBe(values.length);
    // None of these decoded the whole column.
    expect(fullDecodes()).toBe(before);
  });

  it("`values` decodes once for the synchronous run, again after it", async () => {
    const col = scaledColumn();
    const before = fullDecodes();
    const first = (col.data as { values: Float64Array }).values;
    let sum = 0;
    for (let i = 0; i < values.length; i++)
      sum += Number.isNaN((col.data as { values: Float64Array }).values[i]) ? 0 : 1;
    expect(sum).toBe(6);
    expect((col.data as { values: Float64Array }).values).toBe(first);
    expect(fullDecodes()).toBe(before + 1);
    await Promise.resolve();
    await Promise.resolve();
    const again = (col.data as { values: Float64Array }).values;
    expect(again).not.toBe(first);
    expect(mismatches(again, values)).toEqual([]);
    expect(fullDecodes()).toBe(before + 2);
  });

  it("revives from its fields, as a thread receives it", () => {
    const packed = packScaled(values)!;
    const posted = structuredClone(packed) as unknown;
    expect((posted as { values?: unknown }).values).toBeUndefined();
    const revived = reviveScaled(posted);
    expect(isScaled(revived)).toBe(true);
    expect(mismatches((revived as ScaledFloats).decode(), values)).toEqual([]);
    const plain = { type: "float", values };
    expect(reviveScaled(plain)).toBe(plain);
  });
});

describe("missingTest", () => {
  it("answers from a compact store as from the decoded values, decoding nothing", () => {
    const values = Float64Array.from([0.5, Number.NaN, -0, 12.25, Number.NaN]);
    const packed = packScaled(values)!;
    const before = fullDecodes();
    const test = missingTest(packed);
    expect(Array.from(values, (_, i) => test(i))).toEqual([false, true, false, false, true]);
    expect(fullDecodes()).toBe(before);
    const plain = missingTest({ type: "float", values });
    expect(Array.from(values, (_, i) => plain(i))).toEqual([false, true, false, false, true]);
  });
});
