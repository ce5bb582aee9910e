import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import type { Progress } from "../../../../src/core/progress.ts";
import { frameOf, frameOfCsv } from "./frameOf.ts";

const irisText = () => readFileSync(join(import.meta.dirname, "fixtures", "iris.csv"), "utf8");
const iris = () => frameOfCsv(irisText());

/** Fails on anything JSON would not carry unchanged: NaN, Infinity, undefined, typed arrays. */
function assertPlainJson(value: unknown, path = "$"): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertPlainJson(v, `${path}[${i}]`);
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) assertPlainJson(v, `${path}.${k}`);
    return;
  }
  throw new Error(`${path} is not plain data`);
}

describe("profileFrame", () => {
  it("profiles iris with the target framed as balanced multiclass scored by accuracy", () => {
    const p = profileFrame(iris(), { target: "target" });
    expect(p.rows).toBe(150);
    expect(p.columns.map((c) => c.name)).toEqual([
      "sepal length (cm)",
      "sepal width (cm)",
      "petal length (cm)",
      "petal width (cm)",
      "target",
    ]);
    expect(p.columns[4].role).toBe("target");
    expect(p.task).toBe("multiclass");
    expect(p.metric).toBe("accuracy");
    expect(p.reasons[0]).toBe(
      '"target" has 3 distinct text values (setosa, versicolor, virginica), so this is multiclass classification.',
    );
    expect(p.framing!.feasibility).toMatchObject({
      rows: 150,
      features: 4,
      rowsPerFeature: 37.5,
      minClassCount: 50,
    });
    expect(p.framing!.feasibility.warnings).toEqual([]);
    // Petal length and width correlate at 0.96; one duplicated row (143 repeats 102).
    expect(p.alerts.map((a) => `${a.type}:${a.column}`)).toEqual([
      "duplicates:null",
      "high_correlation:petal length (cm)",
    ]);
    expect(p.duplicates.count).toBe(1);
    expect(p.correlations.pearson.values[2][3]).toBeCloseTo(0.9628654, 6);
    expect(p.sample).toEqual({ sampled: false, sampleSize: 150, seed: 0 });
  });

  it("is plain JSON data that survives a round trip", () => {
    const frame = frameOf({
      x: [1, 2, null, 4, 5, 6],
      c: ["a", "b", "a", null, "b", "a"],
      d: { kind: "datetime", values: [0, 86_400_000, null, 3 * 86_400_000, 4 * 86_400_000, 5 * 86_400_000] },
      t: { kind: "text", values: ["hello there", "x", "y", "z", null, "w"] },
      b: [true, false, true, true, false, null],
      empty: { kind: "numeric", values: [null, null, null, null, null, null] },
    });
    const p = profileFrame(frame, { target: "c" });
    assertPlainJson(p);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it("explores without a target", () => {
    const p = profileFrame(iris());
    expect(p.task).toBeNull();
    expect(p.metric).toBeNull();
    expect(p.framing).toBeNull();
    expect(p.reasons).toEqual(["No target column chosen, so this is exploration only."]);
  });

  it("reports progress by column in phase profile and ends with done === total", () => {
    const seen: Progress[] = [];
    profileFrame(iris(), { onProgress: (q) => seen.push(q) });
    expect(seen.every((q) => q.phase === "profile")).toBe(true);
    expect(seen[0]).toMatchObject({ done: 0, total: 6, message: "sepal length (cm)" });
    expect(seen.at(-1)).toMatchObject({ done: 6, total: 6 });
  });

  it("stops when the signal is aborted", () => {
    const controller = new AbortController();
    let calls = 0;
    const run = () =>
      profileFrame(iris(), {
        signal: controller.signal,
        onProgress: () => {
          if (++calls === 1) controller.abort();
        },
      });
    expect(run).toThrow(expect.objectContaining({ name: "AbortError" }));
  });

  it("throws ValidationError for a target that cannot be learned", () => {
    const frame = frameOf({ x: [1, 2, 3], y: ["a", "a", "a"] });
    expect(() => profileFrame(frame, { target: "y" })).toThrow(
      expect.objectContaining({ name: "ValidationError" }),
    );
    expect(() => profileFrame(frame, { target: "nope" })).toThrow(
      expect.objectContaining({ name: "ValidationError" }),
    );
  });

  it("finds planted problems in a file read by the CSV reader", async () => {
    const [header, ...lines] = irisText().trim().split("\n");
    const code: Record<string, number> = { setosa: 0, versicolor: 1, virginica: 2 };
    const rows = [...lines, lines[10], lines[60], lines[110]].map(
      (line, i) => `${line},lab,${i + 1},${code[line.split(",")[4]]}`,
    );
    const { frame } = await readCsvText([`${header},source,row_id,species_code`, ...rows].join("\n"));
    const p = profileFrame(frame, { target: "target" });
    expect(p.task).toBe("multiclass");
    const found = p.alerts.map((a) => `${a.type}:${a.column}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "constant:source",
        "id_like:row_id",
        "leakage:species_code",
        "duplicates:null",
      ]),
    );
    // The file's own repeated row plus the three planted ones, told apart only by row_id.
    expect(p.duplicates).toMatchObject({ count: 4, ignored: ["row_id"] });
    expect(p.framing!.feasibility.warnings).toEqual([
      expect.stringMatching(/^Target looks leaked by species_code/),
    ]);
  });
});
