/**
 * The scale bench's input: a seeded CSV of N rows x 20 features and a binary target `label`
 * (16 numbers, two with missing values; a 5- and a 30-level category; a boolean), written once into
 * the OS temp folder and reused. The label depends on a few numbers, an interaction, a category and
 * the boolean plus noise, so ROC AUC is well away from 0.5 and 1.0 and comparable across tools.
 */
import { createWriteStream, existsSync, renameSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeRng } from "../../src/core/random.ts";

const VERSION = 1;
const NUMBERS = 16;
const REGIONS = ["north", "south", "east", "west", "central"];
const SEGMENTS = Array.from({ length: 30 }, (_, i) => `seg${i + 1}`);

/** Column names in file order: x0..x15, region, segment, member, label. */
export const SCALE_COLUMNS = [
  ...Array.from({ length: NUMBERS }, (_, i) => `x${i}`),
  "region",
  "segment",
  "member",
  "label",
];

/** Path of the scale file with `rows` rows, generating it when absent. */
export async function scaleCsv(rows: number): Promise<string> {
  const path = join(tmpdir(), `automl-scale-v${VERSION}-${rows}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rng = makeRng(20261206);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const segmentEffect = SEGMENTS.map(() => normal() * 0.6);
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  const write = (s: string) =>
    new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once("drain", resolve)));
  await write(`${SCALE_COLUMNS.join(",")}\n`);
  const x = new Float64Array(NUMBERS);
  let batch = "";
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < NUMBERS; i++) x[i] = i % 4 === 3 ? Math.exp(normal()) : normal();
    const region = rng.int(REGIONS.length);
    const segment = rng.int(SEGMENTS.length);
    const member = rng.next() < 0.4;
    const z =
      1.1 * x[0] -
      0.8 * x[1] +
      0.9 * x[0] * x[2] +
      0.6 * Math.sin(2 * x[4]) +
      0.3 * Math.log(x[3]) +
      0.4 * (region - 2) +
      segmentEffect[segment] +
      (member ? 0.5 : 0) +
      normal();
    const cells: string[] = [];
    for (let i = 0; i < NUMBERS; i++) {
      const missing = (i === 5 && rng.next() < 0.05) || (i === 6 && rng.next() < 0.1);
      cells.push(missing ? "" : x[i].toFixed(5));
    }
    cells.push(REGIONS[region], SEGMENTS[segment], member ? "true" : "false", z > 0.3 ? "yes" : "no");
    batch += `${cells.join(",")}\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  renameSync(tmp, path);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const a of process.argv.slice(2)) console.log(await scaleCsv(Number(a)));
}
