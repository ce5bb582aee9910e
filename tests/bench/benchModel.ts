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

/** The header and first `n` rows of a CSV file, written to `out`, without the column `drop` if named. */
export async function head(path: string, n: number, out: string, drop?: string): Promise<void> {
  const sink = createWriteStream(out);
  const lines = createInterface({ input: createReadStream(path) });
  let at = -1;
  let i = 0;
  for await (const line of lines) {
    if (drop === undefined) sink.write(`${line}\n`);
    else {
      const cells = line.split(",");
      if (at < 0) at = cells.indexOf(drop);
      cells.splice(at, 1);
      sink.write(`${cells.join(",")}\n`);
    }
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

/**
 * Trains the bench GBDT on its defaults (no tuning, so figures stay comparable across runs) on the
 * first TRAIN_ROWS rows of `csv`, without the column `drop` if named; the model file's path in `dir`.
 */
export async function trainBenchModel(csv: string, dir: string, drop?: string): Promise<string> {
  const train = join(dir, "train.csv");
  const model = join(dir, "model.json");
  await head(csv, TRAIN_ROWS, train, drop);
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
    "--tune",
    "off",
    "--out",
    model,
  );
  return model;
}
