import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explanationText } from "../../../src/cli/explain.ts";
import { main } from "../../../src/cli/main.ts";

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const PENGUINS = join(FIXTURES, "penguins.csv");
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

interface ExplainJson {
  output: string;
  class: string | null;
  base_value: number | null;
  rows: {
    row: number;
    class?: string;
    base_value?: number;
    output: number;
    contributions: Record<string, number>;
  }[];
}

/** The predictions CSV of `model` on FILE as rows of strings, header first. */
async function predicted(model: string, file: string): Promise<string[][]> {
  const out = await run("predict", model, file);
  expect(out.code).toBe(0);
  return Papa.parse<string[]>(out.stdout, { skipEmptyLines: true }).data;
}

describe("explain (trained and explained through the CLI on penguins)", () => {
  const dir = mkdtempSync(join(tmpdir(), "explain-"));
  const model = (id: string, target: string) => join(dir, `${id}-${target}.json`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    for (const [id, target] of [
      ["gbdt", "sex"],
      ["knn", "sex"],
      ["random_forest", "species"],
    ]) {
      const t = await run(
        "train",
        PENGUINS,
        "--target",
        target,
        "--models",
        id,
        "--folds",
        "2",
        "--test-size",
        "0",
        "--threads",
        "1",
        "--out",
        model(id, target),
      );
      expect(t.stderr).toBe("");
      expect(t.code).toBe(0);
    }
  }, 120_000);

  it("gbdt, binary: log-odds of the run's positive class whose sigmoid is predict's proba, exact", async () => {
    const out = await run("explain", model("gbdt", "sex"), PENGUINS, "--rows", "0,5,9,200", "--json");
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as ExplainJson;
    expect(Object.keys(json)).toEqual(["output", "class", "base_value", "rows"]);
    expect(json.output).toBe("log_odds");
    // The class the run's evaluation scored as positive (the card's), not the model's second class.
    const card = JSON.parse(readFileSync(model("gbdt", "sex"), "utf8")).card;
    expect(card.positive_class).toBe("female");
    expect(json.class).toBe("female");
    expect(json.rows.map((r) => r.row)).toEqual([0, 5, 9, 200]);
    const pred = await predicted(model("gbdt", "sex"), PENGUINS);
    expect(pred[0]).toEqual(["prediction", "proba_female", "proba_male"]);
    const col = pred[0].indexOf("proba_female");
    expect(col).toBeGreaterThan(0);
    for (const r of json.rows) {
      expect(Object.keys(r)).toEqual(["row", "output", "contributions"]);
      expect(Object.keys(r.contributions)).toEqual([
        "species",
        "island",
        "bill_length_mm",
        "bill_depth_mm",
        "flipper_length_mm",
        "body_mass_g",
        "year",
      ]);
      const sum = Object.values(r.contributions).reduce((s, v) => s + v, json.base_value!);
      expect(Math.abs(sum - r.output)).toBeLessThan(1e-9);
      // predict's CSV writes 8 significant digits.
      expect(sigmoid(r.output)).toBeCloseTo(Number(pred[r.row + 1][col]), 7);
    }
  });

  it("knn, binary: sampled values in probability, equal to predict's proba, same numbers twice", async () => {
    const args = ["explain", model("knn", "sex"), PENGUINS, "--rows", "3,40", "--json"];
    const a = await run(...args);
    const b = await run(...args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout) as ExplainJson;
    expect(json.output).toBe("probability");
    const pred = await predicted(model("knn", "sex"), PENGUINS);
    const col = pred[0].indexOf(`proba_${json.class}`);
    for (const r of json.rows) {
      expect(r.output).toBeCloseTo(Number(pred[r.row + 1][col]), 7);
      const sum = Object.values(r.contributions).reduce((s, v) => s + v, json.base_value!);
      expect(Math.abs(sum - r.output)).toBeLessThan(1e-9);
    }
  });

  it("random forest, multiclass: each row's predicted class with its own base value", async () => {
    const out = await run(
      "explain",
      model("random_forest", "species"),
      PENGUINS,
      "--rows",
      "0,200,300",
      "--json",
    );
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as ExplainJson;
    expect(json.output).toBe("probability");
    expect(json.class).toBeNull();
    const pred = await predicted(model("random_forest", "species"), PENGUINS);
    for (const r of json.rows) {
      expect(r.class).toBe(pred[r.row + 1][0]);
      expect(r.output).toBeCloseTo(Number(pred[r.row + 1][pred[0].indexOf(`proba_${r.class}`)]), 7);
      const sum = Object.values(r.contributions).reduce((s, v) => s + v, r.base_value!);
      expect(Math.abs(sum - r.output)).toBeLessThan(1e-9);
    }
    expect(new Set(json.rows.map((r) => r.class)).size).toBe(3);
  });

  it("prints a readable table by default; a file lacking a model column is refused", async () => {
    const hostile = join(dir, "hostile.csv");
    const text = readFileSync(PENGUINS, "utf8").replace('"island"', '"is\u001b[31mland"');
    writeFileSync(hostile, text);
    const out = await run("explain", model("gbdt", "sex"), PENGUINS, "--rows", "0");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/exact TreeSHAP, in log-odds/);
    expect(out.stdout).toMatch(/Row 0 \(class female\): output -?[\d.]+ = base -?[\d.]+ \+ contributions/);
    expect(out.stdout.split("\n").filter((l) => /^ {2}\S/.test(l))).toHaveLength(7);
    // The model reads "island": a file whose column is renamed lacks it.
    const bad = await run("explain", model("gbdt", "sex"), hostile);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('The data lacks the column "island", which the model needs.');
  });

  it("--positive explains the other class: log-odds negated, the same contributions mirrored", async () => {
    const m = model("gbdt", "sex");
    const base = JSON.parse(
      (await run("explain", m, PENGUINS, "--rows", "0,5", "--json")).stdout,
    ) as ExplainJson;
    const out = await run("explain", m, PENGUINS, "--rows", "0,5", "--positive", "male", "--json");
    expect(out.stderr).toBe("");
    const male = JSON.parse(out.stdout) as ExplainJson;
    expect(male.class).toBe("male");
    expect(male.base_value).toBe(-base.base_value!);
    male.rows.forEach((r, i) => {
      expect(r.output).toBe(-base.rows[i].output);
      for (const [c, v] of Object.entries(r.contributions))
        expect(v).toBe(-base.rows[i].contributions[c] + 0);
    });
    // Naming the card's own positive class changes nothing.
    const same = await run("explain", m, PENGUINS, "--rows", "0,5", "--positive", "female", "--json");
    expect(JSON.parse(same.stdout)).toEqual(base);
  });

  it("--positive is refused for a class the model lacks and for a model that is not binary", async () => {
    const wrong = await run("explain", model("gbdt", "sex"), PENGUINS, "--positive", "Male");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('--positive "Male" is not one of the model\'s classes ("female", "male").');
    const multi = await run("explain", model("random_forest", "species"), PENGUINS, "--positive", "Adelie");
    expect(multi.code).toBe(2);
    expect(multi.stderr).toBe("--positive applies to binary models; this one is a multiclass model.");
    expect((await run("explain", model("gbdt", "sex"), PENGUINS, "--positive")).stderr).toBe(
      "--positive needs a value.",
    );
  });

  it("escapes control characters of column names and classes in the table", () => {
    const text = explanationText(
      {
        output: "probability",
        method: "sampling",
        perClass: false,
        columns: ["a\u001b[31m", "b"],
        rows: [
          { row: 2, class: "x\u202ey", output: 0.75, base: 0.5, contributions: Float64Array.of(0.05, 0.2) },
        ],
      },
      "k-NN",
    );
    expect(text.includes("\u001b") || text.includes("\u202e")).toBe(false);
    expect(text).toContain("Row 2 (class x\\u202ey): output 0.75 = base 0.5 + contributions");
    expect(
      text
        .split("\n")
        .slice(3, 5)
        .map((l) => l.trim().split(/\s+/)[1]),
    ).toEqual(["+0.2", "+0.05"]);
  });

  it("refuses bad rows and files with exit 2 and one sentence", async () => {
    const m = model("gbdt", "sex");
    const cases: [string[], RegExp][] = [
      [["--rows", "0,x"], /^--rows takes row numbers counted from 0, as in --rows 0,5,9 \(got "0,x"\)\.$/],
      [["--rows", "344"], /^row 344 is out of range: the data has 344 rows \(0\.\.343\)\.$/],
      [["--rows", "-1"], /^--rows takes row numbers/],
    ];
    for (const [extra, message] of cases) {
      const out = await run("explain", m, PENGUINS, ...extra);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
    }
    const missing = await run("explain", join(dir, "nope.json"), PENGUINS);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/there is no such file/);
    const notModel = await run("explain", PENGUINS, PENGUINS);
    expect(notModel.code).toBe(2);
    expect(notModel.stderr).toMatch(/^Cannot use ".*penguins.csv" as a model/);
  });
});
