import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main.ts";
import { toText } from "../../../src/cli/monitor.ts";
import { SCORERS } from "../../../src/core/eval/metrics.ts";
import type { MonitorReport } from "../../../src/core/monitor/monitorBatch.ts";

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "monitor-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

type Row = Record<string, string>;
const table = Papa.parse<Row>(readFileSync("tests/fixtures/credit_data.csv", "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const NUMBERS = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"];
const write = (name: string, rows: Row[]) => writeFileSync(path(name), Papa.unparse(rows));
// Every third row is the new batch: the same distribution as the rest, the training data.
const batch = table.filter((_, i) => i % 3 === 0);
const train = table.filter((_, i) => i % 3 !== 0);
const shifted = batch.map((r) => {
  const out: Row = { ...r };
  for (const c of NUMBERS) out[c] = String(Number(r[c]) * 1.5);
  delete out.Status;
  return out;
});

const KEYS = [
  "rows",
  "reference_rows",
  "dataset_drift",
  "drift_share",
  "columns",
  "prediction",
  "performance",
  "estimated_performance",
];
const INPUTS = table.length > 0 ? Object.keys(table[0]).filter((c) => c !== "Status") : [];

// Trains one model in this process: generous time, so a busy machine is slow, not failing.
describe("monitor", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    write("train.csv", train);
    write("new.csv", batch);
    write("shifted.csv", shifted);
    write("small.csv", train.slice(0, 400));
    const trained = await run(
      ...["train", path("train.csv"), "--target", "Status", "--models", "logistic", "--folds", "3"],
      ...["--test-size", "0", "--ensemble", "no", "--threads", "1", "--out", path("model.json")],
    );
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
  }, 180_000);

  it("finds no drift in an unchanged labelled batch and scores it as predict's output", async () => {
    const r = await run("monitor", path("model.json"), path("new.csv"), "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(KEYS);
    expect(report.rows).toBe(batch.length);
    expect(report.reference_rows).toBe(train.length);
    expect(report.columns.map((c: { name: string }) => c.name)).toEqual(INPUTS);
    for (const c of report.columns) {
      expect(Object.keys(c)).toEqual(["name", "kind", "test", "statistic", "p_value", "threshold", "drift"]);
      // More than 1,000 reference rows: distances, no p-values.
      expect(["wasserstein", "jensen_shannon"]).toContain(c.test);
      expect(c.p_value).toBeNull();
      expect(c.drift).toBe(false);
    }
    expect(report.dataset_drift).toBe(false);
    expect(report.drift_share).toBe(0);
    expect(Object.keys(report.prediction)).toEqual(["test", "statistic", "p_value", "drift"]);
    expect(report.prediction.drift).toBe(false);
    // The metric exactly as on predict's output for these rows.
    const predicted = await run("predict", path("model.json"), path("new.csv"));
    const rows = Papa.parse<Row>(predicted.stdout, { header: true, skipEmptyLines: true }).data;
    const classes = ["bad", "good"];
    const proba = Float64Array.from(rows.flatMap((p) => classes.map((c) => Number(p[`proba_${c}`]))));
    const yTrue = Float64Array.from(batch, (b) => classes.indexOf(b.Status));
    const yPred = Float64Array.from(rows, (p) => classes.indexOf(p.prediction));
    const model = JSON.parse(readFileSync(path("model.json"), "utf8"));
    expect(report.performance.metric).toBe(model.card.metric);
    expect(report.performance.value).toBeCloseTo(
      SCORERS[model.card.metric as "roc_auc"]({ yTrue, yPred, proba, nClasses: 2 }),
      12,
    );
    expect(report.performance.reference).toBe(model.card.scores.cv_mean);
    expect(report.estimated_performance.metric).toBe(model.card.metric);
    expect(report.estimated_performance.method).toMatch(/^CBPE/);
    // Hanley-McNeil's standard error of an AUC near 0.84 on ~1,500 rows (~30% bad) is ~0.012: 0.05
    // is 4 of them, for a logistic regression whose probabilities are close to, not exactly, calibrated.
    expect(Math.abs(report.estimated_performance.value - report.performance.value)).toBeLessThan(0.05);
  });

  it("finds drift in a shifted batch without labels, and estimates the score", async () => {
    const r = await run("monitor", path("model.json"), path("shifted.csv"), "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dataset_drift).toBe(true);
    const drifted = report.columns
      .filter((c: { drift: boolean }) => c.drift)
      .map((c: { name: string }) => c.name);
    expect(drifted).toEqual(NUMBERS);
    expect(report.drift_share).toBeCloseTo(9 / 13, 12);
    expect(report.performance).toBeNull();
    expect(report.estimated_performance.value).toBeGreaterThan(0.5);
  });

  it("uses p-value tests with a small reference (--reference) and per-column overrides", async () => {
    const r = await run(
      ...["monitor", path("model.json"), path("shifted.csv"), "--reference", path("small.csv")],
      ...["--test", "Age=psi:0.2", "--json"],
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.reference_rows).toBe(400);
    const byName = Object.fromEntries(report.columns.map((c: { name: string }) => [c.name, c]));
    expect(byName.Income.test).toBe("ks");
    expect(byName.Income.p_value).toBeLessThan(0.05);
    expect(byName.Home.test).toBe("chi2");
    expect(byName.Records.test).toBe("z");
    expect(byName.Records.p_value).toBeGreaterThan(0);
    expect(byName.Age).toMatchObject({ test: "psi", threshold: 0.2, p_value: null, drift: true });
    expect(report.dataset_drift).toBe(true);
  });

  it("monitors a bare pipeline exported with its training data (export --data sketches it)", async () => {
    const model = JSON.parse(readFileSync(path("model.json"), "utf8"));
    writeFileSync(path("bare-export.json"), JSON.stringify(model.pipeline));
    const exported = await run(
      ...["export", path("bare-export.json"), "--format", "json", "--out", path("exported.json")],
      ...["--data", path("train.csv")],
    );
    expect(exported.code).toBe(0);
    const file = JSON.parse(readFileSync(path("exported.json"), "utf8"));
    expect(file.reference).toEqual(model.reference);
    const r = await run("monitor", path("exported.json"), path("shifted.csv"), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dataset_drift).toBe(true);
  });

  it("prints a readable table", async () => {
    const r = await run("monitor", path("model.json"), path("shifted.csv"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/9 of 13 columns drifted \(69%\): the dataset drifted/);
    expect(r.stdout).toMatch(/Income\s+numeric\s+Wasserstein \(normed\)/);
  });

  it("refuses damaged input with one sentence and exit status 2", async () => {
    const model = JSON.parse(readFileSync(path("model.json"), "utf8"));
    writeFileSync(path("bare.json"), JSON.stringify(model.pipeline));
    model.reference.columns[0].sketch.mean = "x";
    writeFileSync(path("damaged.json"), JSON.stringify(model));
    write(
      "lacking.csv",
      batch.map(({ Income: _, ...rest }) => rest),
    );
    const cases: [string[], RegExp][] = [
      [
        [path("damaged.json"), path("new.csv")],
        /^Cannot use ".*damaged.json" as a model: the file was changed/,
      ],
      [[path("bare.json"), path("new.csv")], /has no reference sketches .*--reference TRAIN.csv/],
      [
        [path("model.json"), path("lacking.csv")],
        /^The data lacks the column "Income", which the model needs.$/,
      ],
      [[path("model.json"), path("nothere.csv")], /there is no such file/],
      [[path("model.json"), path("new.csv"), "--test", "Age=magic"], /unknown test "magic"/],
      [[path("model.json"), path("new.csv"), "--test", "Nope=ks"], /"Nope" is not an input column/],
      [[path("model.json"), path("new.csv"), "--test", "Home=ks"], /the ks test needs a numeric column/],
    ];
    for (const [args, message] of cases) {
      const r = await run("monitor", ...args);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split("\n")).toHaveLength(1);
      expect(r.code).toBe(2);
    }
  });
});

describe("monitor's table", () => {
  it("shows control characters in column names as visible escapes", () => {
    const column = {
      name: "evil\x1b[2J\nname",
      kind: "numeric" as const,
      test: "ks" as const,
      statistic: 0.5,
      p_value: 0.001,
      threshold: 0.05,
      drift: true,
      psi: 0.3,
      rows: 10,
      reference_rows: 10,
    };
    const report: MonitorReport = {
      rows: 10,
      reference_rows: 10,
      dataset_drift: true,
      drift_share: 1,
      columns: [column],
      prediction: { test: "chi2", statistic: 1, p_value: 0.3, drift: false, psi: 0, threshold: 0.05 },
      performance: null,
      estimated_performance: null,
    };
    const text = toText(report);
    expect(text.includes(String.fromCharCode(0x1b))).toBe(false);
    expect(text).toContain("evil\\e[2J\\nname");
    expect(text).toMatch(/1 of 1 columns drifted \(100%\): the dataset drifted/);
  });
});
