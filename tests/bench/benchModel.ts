/**
 * The model the scoring benches share: a GBDT trained by the CLI on the first rows of the bench
 * table, so `predict`, the predictor worker and the HTML page score the same model file.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { main } from "../../src/cli/main.ts";

/** Rows of the bench table the model is trained on. */
export const TRAIN_ROWS = 20_000;

/** The header and first `n` rows of a CSV file, written to `out`. */
async function head(path: string, n: number, out: string): Promise<void> {
  const sink = createWriteStream(out);
  const lines = createInterface({ input: createReadStream(path) });
  let i = 0;
  for await (const line of lines) {
    sink.write(`${line}\n`);
    if (++i > n) break;
  }
  lines.close();
  await new Promise((resolve) => sink.end(resolve));
}

/** Runs a CLI command in this process; throws with its stderr when it fails. */
export async function cli(...args: string[]): Promise<void> {
  const err: string[] = [];
  const code = await main(args, { out: () => {}, err: (t) => err.push(t) });
  if (code !== 0) throw new Error(`${args[0]} failed (${code}): ${err.join(" ")}`);
}

/** Trains the bench GBDT on the first TRAIN_ROWS rows of `csv`; the model file's path in `dir`. */
export async function trainBenchModel(csv: string, dir: string): Promise<string> {
  const train = join(dir, "train.csv");
  const model = join(dir, "model.json");
  await head(csv, TRAIN_ROWS, train);
  await cli(
    "train",
    train,
    "--target",
    "active",
    "--models",
    "gbdt",
    "--folds",
    "2",
    "--threads",
    "1",
    "--out",
    model,
  );
  return model;
}
