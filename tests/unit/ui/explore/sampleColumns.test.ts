import { describe, expect, it } from "vitest";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import { makePlotSample } from "../../../../src/core/profile/sample.ts";
import { makeRng } from "../../../../src/core/random.ts";
import {
  boxGroupNames,
  continuousNames,
  groupValuesOf,
  strongestPair,
} from "../../../../src/ui/explore/sampleColumns.ts";
import { frameOf } from "../../core/prep/helpers.ts";

// Two 0/1 flags that always agree (r = 1) next to two measurements that only loosely go together.
const rng = makeRng(5);
const n = 200;
const flag = Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
const height = Array.from({ length: n }, () => 150 + 40 * rng.next());
const frame = frameOf({
  has_phone: flag,
  has_line: flag.map((f) => f),
  height,
  weight: height.map((h) => h * 0.4 + 30 * rng.next()),
  city: Array.from({ length: n }, () => ["Oslo", "Lima"][rng.int(2)]),
});
const profile = profileFrame(frame);

describe("explore's first choices of columns", () => {
  it("starts the scatter on measurements, not on two 0/1 columns", () => {
    expect(strongestPair(profile)).toEqual(["height", "weight"]);
  });

  it("groups box plots by 0/1 columns instead of drawing them as numbers", () => {
    expect(continuousNames(profile)).toEqual(["height", "weight"]);
    expect(boxGroupNames(profile)).toEqual(["has_phone", "has_line", "city"]);
    const sample = makePlotSample(frame, 500, 0);
    const groups = groupValuesOf(sample, "has_phone") ?? [];
    expect(new Set(groups)).toEqual(new Set(["0", "1"]));
    expect(groups.filter((g) => g === "1")).toHaveLength(flag.filter((f) => f === 1).length);
  });
});
