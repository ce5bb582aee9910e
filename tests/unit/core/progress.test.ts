import { describe, expect, it } from "vitest";
import { makeThrottledProgress } from "../../../src/core/progress.ts";

describe("makeThrottledProgress", () => {
  it("drops reports closer than the interval but always passes the last one", () => {
    let t = 0;
    const seen: number[] = [];
    const report = makeThrottledProgress(
      (p) => seen.push(p.done),
      100,
      () => t,
    );
    for (let done = 0; done <= 10; done++) {
      t = done * 30;
      report({ phase: "read", done, total: 10 });
    }
    expect(seen).toEqual([0, 4, 8, 10]);
  });
});
