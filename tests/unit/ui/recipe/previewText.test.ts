import { describe, expect, it } from "vitest";
import {
  durationText,
  featureCountText,
  namesText,
  previewNote,
} from "../../../../src/ui/recipe/previewText.ts";

describe("preview text", () => {
  it("says what the preview was fitted on", () => {
    expect(previewNote({ sampleSize: 5000, totalRows: 120000 }, 0)).toBe(
      "Preview on a sample of 5,000 of 120,000 rows (seed 0)",
    );
    expect(previewNote({ sampleSize: 344, totalRows: 344 }, 0)).toBe("Preview on all 344 rows (seed 0)");
    expect(featureCountText(45)).toBe("45 feature columns");
    expect(featureCountText(1)).toBe("1 feature column");
    expect(namesText(["a", "b", "c", "d", "e"])).toBe("a, b, c and 2 more");
    expect(namesText([])).toBe("—");
    expect(durationText(0.2)).toBe("<1 ms");
    expect(durationText(1534)).toBe("1.5 s");
  });
});
