/**
 * `automl-playground export MODEL.json --format onnx --out model.onnx`: the file it writes runs in
 * ONNX Runtime and answers as `predict` does; a model without a faithful ONNX form exits with
 * status 2 and one sentence naming it, and writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/runCli.ts";
import { penguins, trainedFile } from "./modelFiles.ts";
import { onnxSession, runOnnx } from "./onnxRuntime.ts";

const dir = mkdtempSync(join(tmpdir(), "onnx-cli-"));
const at = (name: string) => join(dir, name);

describe("export --format onnx", () => {
  it("writes a graph that ONNX Runtime scores as predict does", async () => {
    const file = await trainedFile("random_forest", "species");
    writeFileSync(at("forest.json"), JSON.stringify(file));
    const res = await runCli("export", at("forest.json"), "--format", "onnx", "--out", at("forest.onnx"));
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Wrote the ONNX model to .*forest\.onnx \(\d+ kB\)\.$/);
    const predicted = await runCli("predict", at("forest.json"), join("public", "samples", "penguins.csv"));
    const rows = predicted.stdout.trim().split("\n").slice(1);
    const session = await onnxSession(readFileSync(at("forest.onnx")));
    const frame = await penguins();
    const onnx = await runOnnx(session, frame, file.pipeline.inputs);
    expect(rows).toHaveLength(frame.rows);
    rows.forEach((line, r) => {
      const cells = line.split(",");
      const [label, ...proba] = cells.slice(-4);
      expect(onnx.label![r]).toBe(label);
      for (const [j, p] of proba.entries())
        expect(Math.abs(Number(p) - onnx.probabilities![r * 3 + j])).toBeLessThan(1e-4);
    });
  }, 60_000);

  it("refuses kNN with exit status 2 and a sentence, and writes no file", async () => {
    writeFileSync(at("knn.json"), JSON.stringify(await trainedFile("knn", "species")));
    const res = await runCli("export", at("knn.json"), "--format", "onnx", "--out", at("knn.onnx"));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /^Cannot export ".*knn\.json" to ONNX\. The k-nearest-neighbours model cannot be exported to ONNX: .*\.$/,
    );
    expect(existsSync(at("knn.onnx"))).toBe(false);
  });
});
