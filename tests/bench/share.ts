/**
 * Section "share": the link a shared experiment makes for each bundled sample (public/samples):
 * the CSV as bundled, the exact CSV the link carries, the packed (gzip) bytes, the link's length
 * and whether it stays under the dialog's limit (else the .automl file), and the time to pack and
 * to read it back (best of 3, one thread). Then a generated table far over the link limit: the
 * work the share worker does off the page to pack it (CSV, SHA-256, gzip) and to read it back.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readCsvText } from "../../src/core/data/readCsv.ts";
import { dataFingerprint } from "../../src/core/deploy/dataFingerprint.ts";
import {
  EXPERIMENT_FORMAT,
  EXPERIMENT_VERSION,
  type SharedExperiment,
} from "../../src/core/share/experiment.ts";
import {
  linkPayload,
  packExperiment,
  readExperimentFile,
  readLinkPayload,
} from "../../src/core/share/experimentCodec.ts";
import { frameToCsv } from "../../src/core/share/frameToCsv.ts";
import { packBytes } from "../../src/core/share/packBytes.ts";
import { MAX_LINK_CHARS } from "../../src/ui/share/shareLink.ts";
import type { BenchRow } from "./table.ts";

const SAMPLES = new URL("../../public/samples/", import.meta.url);
/** A typical deployed address in front of the fragment. */
const BASE = "https://automl.example.org/#/open/";
const PHASES = ["frame", "data", "prepare", "explore", "features", "train", "deploy", "monitor"];

async function best<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let ms = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

const kb = (n: number) => (n / 1000).toFixed(1);

export async function benchShare(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const file of readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".csv"))
    .sort()) {
    const text = readFileSync(new URL(file, SAMPLES), "utf8");
    const { frame } = await readCsvText(text);
    const csv = frameToCsv(frame);
    const experiment: SharedExperiment = {
      format: EXPERIMENT_FORMAT,
      version: EXPERIMENT_VERSION,
      name: file.replace(/\.csv$/, ""),
      phase: "train",
      data: {
        name: file,
        csv,
        rows: frame.rows,
        columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind })),
        sha256: await dataFingerprint(frame),
      },
      framing: { target: frame.columns.at(-1)!.name, metric: null, criterion: null, positiveClass: null },
      recipe: null,
      split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 5, seed: 0 },
      run: { models: ["baseline", "logistic", "gbdt"], mlpEpochs: null, ensemble: true },
      teacher: {
        locked: ["framing", "split"],
        hidden: ["deploy", "monitor"],
        hideAdvanced: true,
        notes: { train: "Which model wins?" },
      },
    };
    const pack = await best(3, () => packExperiment(experiment));
    const link = BASE + linkPayload(pack.value);
    const read = await best(3, () => readLinkPayload(link.slice(BASE.length), { phases: PHASES }));
    if (read.value.data.sha256 !== experiment.data.sha256)
      throw new Error(`${file}: the link did not read back`);
    const fits = link.length <= MAX_LINK_CHARS;
    rows.push({
      measure: file,
      value: kb(link.length),
      unit: "KB link",
      note: `${frame.rows} rows; CSV ${kb(text.length)} KB bundled, ${kb(csv.length)} KB exact; gzip ${kb(pack.value.length)} KB; ${fits ? "link" : ".automl file (over the link limit)"}; pack ${pack.ms.toFixed(0)} ms, read ${read.ms.toFixed(0)} ms`,
    });
  }
  rows.push(await benchLargeShare(100_000, 8));
  return rows;
}

/** A seeded table of `features` full-precision numbers and a yes/no target (mulberry32). */
function generatedCsv(rows: number, features: number, seed = 20261206): string {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const names = Array.from({ length: features }, (_, i) => `x${i + 1}`);
  const lines = [[...names, "target"].join(",")];
  for (let r = 0; r < rows; r++) {
    const x = names.map(() => next() * 10);
    lines.push([...x.map(String), x[0] + x[1] + 3 * (next() - 0.5) > 10 ? "yes" : "no"].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The share worker's work on a table too big for a link: pack (CSV, SHA-256, gzip) and read back. */
async function benchLargeShare(rowCount: number, features: number): Promise<BenchRow> {
  const { frame } = await readCsvText(generatedCsv(rowCount, features));
  const t0 = performance.now();
  const csv = frameToCsv(frame);
  const experiment: SharedExperiment = {
    format: EXPERIMENT_FORMAT,
    version: EXPERIMENT_VERSION,
    name: "generated",
    phase: "data",
    data: {
      name: "generated.csv",
      csv,
      rows: frame.rows,
      columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind })),
      sha256: await dataFingerprint(frame),
    },
    framing: null,
    recipe: null,
    split: null,
    run: null,
    teacher: null,
  };
  const packed = await packBytes(experiment, MAX_LINK_CHARS);
  const packMs = performance.now() - t0;
  const t1 = performance.now();
  const read = await readExperimentFile(packed.file, { phases: PHASES });
  const back = await readCsvText(read.data.csv);
  if ((await dataFingerprint(back.frame)) !== experiment.data.sha256)
    throw new Error("generated: the file did not read back");
  const readMs = performance.now() - t1;
  return {
    measure: `generated ${rowCount} x ${features + 1}`,
    value: kb(packed.file.length),
    unit: "KB file",
    note: `CSV ${kb(packed.csvBytes)} KB; ${packed.payload === null ? ".automl file (over the link limit)" : "link"}; share worker's work: pack ${packMs.toFixed(0)} ms, read back ${readMs.toFixed(0)} ms (one run)`,
  };
}
