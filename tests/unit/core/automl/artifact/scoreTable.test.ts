import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../../../src/cli/main.ts";
import { type LoadedPipeline, loadPipeline } from "../../../../../src/core/automl/artifact/loadPipeline.ts";
import {
  countUnseen,
  fieldWriter,
  matchColumns,
  predictionColumns,
  scoreChunk,
  scoredHeader,
} from "../../../../../src/core/automl/artifact/scoreTable.ts";
import { formatCell } from "../../../../../src/core/data/preview.ts";
import { readCsvText } from "../../../../../src/core/data/readCsv.ts";
import { csvField } from "../../../../../src/core/data/writeCsv.ts";

const dir = mkdtempSync(join(tmpdir(), "score-table-"));
const modelPath = join(dir, "model.json");
let pipeline: LoadedPipeline;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Penguins with the columns reordered, an extra column, a missing value and an unseen island. */
function newRows(): string {
  const lines = readFileSync("tests/fixtures/penguins.csv", "utf8").trim().split("\n");
  const rows = Papa.parse<string[]>(lines.slice(1, 41).join("\n")).data;
  const out = ["note,year,sex,body_mass_g,flipper_length_mm,bill_depth_mm,bill_length_mm,island"];
  rows.forEach((r, i) => {
    const island = i === 3 || i === 7 ? "Atlantis" : i === 5 ? "Mu" : r[1];
    const bill = i === 2 ? "" : r[2];
    out.push([`n${i}`, r[7], r[6], r[5], r[4], r[3], bill, island].join(","));
  });
  return `${out.join("\n")}\n`;
}

beforeAll(async () => {
  const trained = await cli(
    "train",
    "tests/fixtures/penguins.csv",
    "--target",
    "species",
    "--models",
    "gbdt",
    "--folds",
    "2",
    "--threads",
    "1",
    "--out",
    modelPath,
  );
  expect(trained.stderr).toBe("");
  // train --out writes a model file: the pipeline inside it.
  pipeline = loadPipeline(JSON.parse(readFileSync(modelPath, "utf8")).pipeline);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("scoreTable", () => {
  it("writes the input columns then exactly what predict writes, chunk by chunk", async () => {
    const csv = newRows();
    const dataPath = join(dir, "new.csv");
    writeFileSync(dataPath, csv);
    const predicted = await cli("predict", modelPath, dataPath);
    expect(predicted.code).toBe(0);
    const cliRows = Papa.parse<string[]>(predicted.stdout, { skipEmptyLines: true }).data;

    const { frame } = await readCsvText(csv);
    const header = scoredHeader(pipeline, frame);
    const parts = [scoreChunk(pipeline, frame, 0, 15, 3), scoreChunk(pipeline, frame, 15, 40)];
    const ours = Papa.parse<string[]>(`${header}\n${parts.map((p) => p.csv).join("")}`, {
      skipEmptyLines: true,
    }).data;
    expect(ours[0]).toEqual([
      "note",
      "year",
      "sex",
      "body_mass_g",
      "flipper_length_mm",
      "bill_depth_mm",
      "bill_length_mm",
      "island",
      "prediction",
      "proba_Adelie",
      "proba_Chinstrap",
      "proba_Gentoo",
    ]);
    expect(cliRows[0]).toEqual(ours[0].slice(8));
    expect(ours).toHaveLength(41);
    expect(ours.slice(1).map((r) => r.slice(8))).toEqual(cliRows.slice(1));
    expect(ours[3][6]).toBe("");
    expect(ours[1].slice(0, 2)).toEqual(["n0", "2007"]);
    expect(parts[0].failed).toEqual([]);
    expect(parts[0].preview).toHaveLength(3);
    expect(parts[0].preview[0].slice(8)).toEqual(cliRows[1]);
    expect(parts[1].preview).toEqual([]);
  });

  it("counts unseen categories per column and notes extra and reordered columns", async () => {
    const { frame } = await readCsvText(newRows());
    const inputs = pipeline.artifact.inputs.map((i) =>
      i.name === "island" ? { ...i, levels: ["Torgersen", "Biscoe", "Dream"] } : i,
    );
    expect(countUnseen(inputs, frame, 200)).toEqual([
      { column: "island", rows: 3, examples: ["Atlantis", "Mu"] },
    ]);
    // A capped level list cannot say what was unseen.
    expect(countUnseen(inputs, frame, 3)).toEqual([]);
    expect(matchColumns(pipeline, frame)).toEqual({ extra: ["note"], reordered: true });
  });

  it("names the columns a file lacks", async () => {
    const { frame } = await readCsvText("island,year\nDream,2008\n");
    expect(() => matchColumns(pipeline, frame)).toThrow(
      /^The file lacks the columns "bill_length_mm", .*"sex", which the model needs\.$/,
    );
  });

  it("has a prediction column and one probability per class", () => {
    expect(predictionColumns(pipeline)).toEqual([
      "prediction",
      "proba_Adelie",
      "proba_Chinstrap",
      "proba_Gentoo",
    ]);
  });

  it("writes each input cell as the shared CSV writer would, whatever the kind", async () => {
    const { frame } = await readCsvText(
      'n,c,d,b,t\n-1.5,"=cmd",2020-01-02,yes,"a,b"\n,Oslo,2020-01-02 10:00:00,no,\n1e21,,,yes,-x\n',
      { kinds: { t: "text" } },
    );
    for (const col of frame.columns) {
      const write = fieldWriter(col);
      for (let r = 0; r < frame.rows; r++) expect(write(r)).toBe(csvField(formatCell(col, r)));
    }
    expect(frame.columns.map((c) => c.kind)).toEqual([
      "numeric",
      "categorical",
      "datetime",
      "boolean",
      "text",
    ]);
  });
});
