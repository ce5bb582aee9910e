import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "train-cli-"));
const IRIS = "tests/fixtures/iris.csv";
// These tests pin defaults-only numbers; tuning (the default budget) has its own test below.
const TRAIN = [
  "train",
  IRIS,
  "--target",
  "target",
  "--models",
  "baseline,logistic",
  "--folds",
  "3",
  "--tune",
  "off",
];

interface Row {
  model: string;
  fit_seconds: number;
  [key: string]: unknown;
}

const untimed = (rows: Row[]) => rows.map(({ fit_seconds: _, ...rest }) => rest);

// Each test trains a ladder in this process (and threads): generous time, so a busy machine is slow, not failing.
describe("train", { timeout: 180_000 }, () => {
  it("prints one JSON object with the leaderboard, the same for the same seed", async () => {
    const first = await runCli(...TRAIN, "--json");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(json.task).toBe("multiclass");
    expect(json.metric).toBe("accuracy");
    expect(json.best).toBe("logistic");
    // No ensemble: it never blends the constant baseline, which leaves one model.
    expect(json.leaderboard.map((e: Row) => e.model)).toEqual(["logistic", "baseline"]);
    for (const e of json.leaderboard) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining([
          "model",
          "cv_mean",
          "cv_std",
          "metrics",
          "test_metrics",
          "fit_seconds",
          "backend",
        ]),
      );
      expect(e.backend).toBeNull();
      expect(typeof e.metrics.f1_macro).toBe("number");
      expect(typeof e.test_metrics.accuracy).toBe("number");
    }
    expect(json.leaderboard[0].cv_mean).toBeGreaterThan(0.9);
    const second = JSON.parse((await runCli(...TRAIN, "--json")).stdout);
    expect(untimed(second.leaderboard)).toEqual(untimed(json.leaderboard));
  });

  it("keeps no test part with --test-size 0 and prints a table without --json", async () => {
    const json = JSON.parse((await runCli(...TRAIN, "--test-size", "0", "--json")).stdout);
    for (const e of json.leaderboard) expect(e.test_metrics).toEqual({});
    const text = await runCli(...TRAIN, "--seed", "3");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/3-fold cross-validation on 120 rows, test part 30 rows/);
    expect(text.stdout).toMatch(/Best: logistic/);
  });

  it("prints the same leaderboard without --out (no refit on every row) as with it, --test-size 0", async () => {
    const model = join(dir, "model-no-test.json");
    const args = [...TRAIN, "--test-size", "0", "--ensemble", "yes", "--json"];
    const kept = await runCli(...args, "--out", model);
    expect(kept.code).toBe(0);
    // With --out the refit made the model file; without, nothing is refitted and nothing written.
    expect(JSON.parse(readFileSync(model, "utf8")).card.training_rows).toBe(150);
    const plain = await runCli(...args);
    expect(plain.code).toBe(0);
    const a = JSON.parse(kept.stdout);
    const b = JSON.parse(plain.stdout);
    expect(b.best).toBe(a.best);
    expect(untimed(b.leaderboard)).toEqual(untimed(a.leaderboard));
  });

  it("saves the best model as a model file with its card with --out, and predict scores every row", async () => {
    const model = join(dir, "model.json");
    const trained = await runCli(...TRAIN, "--out", model, "--json");
    expect(trained.code).toBe(0);
    const saved = JSON.parse(readFileSync(model, "utf8"));
    expect(saved.format).toBe("automl-playground-model");
    expect(saved.pipeline.type).toBe("automl-pipeline");
    expect(saved.card.target).toBe("target");
    expect(saved.card.training_rows).toBe(120);
    expect(saved.card.scores.protocol).toMatch(/^3-fold stratified CV on 80% of 150 rows/);
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pred = await runCli("predict", model, IRIS);
    expect(pred.stderr).toBe("");
    expect(pred.code).toBe(0);
    const lines = pred.stdout.trim().split("\n");
    expect(lines[0]).toBe("prediction,proba_setosa,proba_versicolor,proba_virginica");
    expect(lines).toHaveLength(151);
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows[0][0]).toBe("setosa");
    expect(rows[149][0]).toBe("virginica");
    for (const r of rows) expect(Number(r[1]) + Number(r[2]) + Number(r[3])).toBeCloseTo(1, 5);
    const out = join(dir, "pred.csv");
    const written = await runCli("predict", model, IRIS, "--out", out);
    expect(written.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(`${lines.join("\n")}\n`);
  });

  it("saves an ensemble when it is best, and predict blends its members", async () => {
    const model = join(dir, "ensemble.json");
    // On log loss a tree's all-or-nothing probabilities gain from a blend with logistic regression's.
    const args = [
      "train",
      IRIS,
      "--target",
      "target",
      "--models",
      "logistic,decision_tree",
      "--folds",
      "3",
      "--tune",
      "off",
    ];
    const trained = await runCli(...args, "--metric", "log_loss", "--out", model, "--json");
    expect(trained.code).toBe(0);
    const json = JSON.parse(trained.stdout);
    expect(json.best).toBe("ensemble");
    const file = JSON.parse(readFileSync(model, "utf8")).pipeline;
    expect(file.model_id).toBe("ensemble");
    expect(file.members.map((m: { model_id: string }) => m.model_id).sort()).toEqual([
      "decision_tree",
      "logistic",
    ]);
    const pred = await runCli("predict", model, IRIS);
    expect(pred.code).toBe(0);
    const rows = pred.stdout
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    expect(rows).toHaveLength(150);
    const right = rows.filter((r, i) => r[0] === ["setosa", "versicolor", "virginica"][Math.floor(i / 50)]);
    expect(right.length).toBeGreaterThan(140);
    for (const r of rows) expect(Number(r[1]) + Number(r[2]) + Number(r[3])).toBeCloseTo(1, 5);
    const off = JSON.parse((await runCli(...args, "--ensemble", "no", "--json")).stdout);
    expect(off.leaderboard.map((e: Row) => e.model)).not.toContain("ensemble");
  });

  it("trains folds on worker threads with the same numbers as in one thread", async () => {
    const args = [...TRAIN, "--models", "baseline,logistic,decision_tree", "--json"];
    const one = JSON.parse((await runCli(...args, "--threads", "1")).stdout);
    const pooled = await runCli(...args, "--threads", "3");
    expect(pooled.stderr).toBe("");
    const three = JSON.parse(pooled.stdout);
    expect(three.leaderboard.map((e: Row) => e.model)).toEqual(one.leaderboard.map((e: Row) => e.model));
    expect(untimed(three.leaderboard)).toEqual(untimed(one.leaderboard));
    expect((await runCli(...args, "--threads", "0")).stderr).toMatch(/--threads must be a whole number/);
  });

  it("deals scikit-learn's KFold folds with --split sklearn", async () => {
    const args = [...TRAIN, "--test-size", "0", "--folds", "5", "--ensemble", "no", "--json"];
    const sk = JSON.parse((await runCli(...args, "--split", "sklearn")).stdout);
    const own = JSON.parse((await runCli(...args)).stdout);
    const logistic = (j: { leaderboard: Row[] }) => j.leaderboard.find((e) => e.model === "logistic")!;
    // The folds are KFold(5, shuffle=True, random_state=0)'s (their rows are checked in
    // numpyShuffle.test.ts); these are the app's logistic regression scores on them.
    expect((logistic(sk).fold_scores as number[]).map((x) => x.toFixed(4))).toEqual([
      "1.0000",
      "0.9000",
      "1.0000",
      "1.0000",
      "0.9333",
    ]);
    expect(logistic(sk).fold_scores).not.toEqual(logistic(own).fold_scores);
    expect((await runCli(...args, "--split", "random")).code).toBe(2);
  });

  it("tunes with --tune N: nested search per fold, the chosen params, the best trial beside the defaults", async () => {
    const args = [
      "train",
      IRIS,
      "--target",
      "target",
      "--models",
      "baseline,decision_tree",
      "--folds",
      "3",
      "--ensemble",
      "no",
    ];
    const json = JSON.parse((await runCli(...args, "--tune", "4", "--json")).stdout);
    const tree = json.leaderboard.find((e: Row) => e.model === "decision_tree");
    expect(tree.tuning.candidates).toBe(4);
    // 3 folds x 4 candidates on one rung (150 rows are too few to halve).
    expect(tree.tuning.trials).toBe(12);
    expect(tree.tuning.best_inner).toBeGreaterThanOrEqual(tree.tuning.default_inner);
    // The folds' chosen candidates never beat each fold's best trial; the margin rule may keep defaults.
    expect(tree.tuning.best_inner).toBeGreaterThanOrEqual(tree.tuning.chosen_inner);
    expect(tree.tuning.folds_kept_defaults).toBeGreaterThanOrEqual(0);
    expect(tree.tuning.folds_kept_defaults).toBeLessThanOrEqual(3);
    expect(json.leaderboard.find((e: Row) => e.model === "baseline").tuning).toBeUndefined();
    const text = await runCli(...args, "--tune", "4");
    expect(text.stdout).toMatch(/Tuned \(nested: each fold searched its own training rows/);
    expect(text.stdout).toMatch(/decision_tree: 4 candidates, 12 trials, \d\.\d{4} vs \d\.\d{4}/);
    // 0 and off train the defaults, as a run without tuning.
    const off = JSON.parse((await runCli(...args, "--tune", "0", "--json")).stdout);
    expect(off.leaderboard.every((e: Row) => e.tuning === undefined)).toBe(true);
    expect((await runCli(...args, "--tune", "lots")).stderr).toBe(
      '--tune must be off, quick, thorough or a number of trials per model (got "lots").',
    );
    expect((await runCli(...args, "--tune", "500")).stderr).toBe(
      "Trials per model must be a whole number from 0 to 200 (got 500).",
    );
  });

  it("exits 2 with a sentence for bad models, targets, settings and artifacts", async () => {
    const badModel = await runCli(...TRAIN.slice(0, 4), "--models", "baseline,forest");
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toMatch(/Unknown model "forest"; the models are baseline, linear, .*logistic/);
    const badTarget = await runCli("train", IRIS, "--target", "nope");
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toMatch(/There is no column named "nope"/);
    expect((await runCli("train", IRIS)).code).toBe(2);
    // The limits are the app's, from the one validation of run settings.
    const folds = await runCli(...TRAIN, "--folds", "1");
    expect(folds.code).toBe(2);
    expect(folds.stderr).toBe("Folds must be a whole number from 2 to 20 (got 1).");
    expect((await runCli(...TRAIN, "--test-size", "0.6")).stderr).toBe(
      "The test share must be a number from 0 to 0.5 (got 0.6).",
    );
    expect((await runCli(...TRAIN, "--seed", "abc")).stderr).toBe('--seed must be a number (got "abc").');
    const junk = join(dir, "junk.json");
    writeFileSync(junk, JSON.stringify({ type: "recipe", version: 1 }));
    const badArtifact = await runCli("predict", junk, IRIS);
    expect(badArtifact.code).toBe(2);
    expect(badArtifact.stderr).toMatch(/Cannot use ".*junk\.json" as a model/);
    expect((await runCli("predict", join(dir, "missing.json"), IRIS)).stderr).toMatch(
      /there is no such file/,
    );
  });
});
