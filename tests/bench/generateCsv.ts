/**
 * The benchmark's input: a seeded ~150 MB CSV of 1,000,000 rows x 20 columns, written once into the
 * OS temp folder and reused (the name carries a version, so a changed generator makes a new file).
 */
import { createWriteStream, existsSync, renameSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeRng } from "../../src/core/random.ts";

const VERSION = 1;
export const BENCH_ROWS = 1_000_000;

const CITIES = ["north", "south", "east", "west", "central"];
const PRODUCTS = Array.from({ length: 12 }, (_, i) => `product_${String.fromCharCode(97 + i)}`);
const SEGMENTS = Array.from({ length: 30 }, (_, i) => `segment${i + 1}`);
const CODES = Array.from({ length: 50 }, (_, i) => `C${(i * 7919) % 1000}X`);
const HEADER = [
  "customer_ref",
  "age",
  "income",
  "balance",
  "score",
  "tenure",
  "visits",
  "spend",
  "ratio",
  "temp",
  "lat",
  "lon",
  "count",
  "region",
  "product",
  "segment",
  "code",
  "active",
  "signup_date",
  "rating",
];

/** Path of the benchmark file, generating it when absent. */
export async function benchCsv(rows = BENCH_ROWS): Promise<string> {
  const path = join(tmpdir(), `automl-bench-v${VERSION}-${rows}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rng = makeRng(20240601);
  const pick = <T>(a: readonly T[]) => a[rng.int(a.length)];
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  const write = (s: string) =>
    new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once("drain", resolve)));
  await write(`${HEADER.join(",")}\n`);
  const day0 = Date.UTC(2015, 0, 1);
  let batch = "";
  for (let r = 0; r < rows; r++) {
    const cells = [
      `cu${(r * 2654435761) % 4294967296}`.padEnd(12, "x"),
      String(18 + rng.int(70)),
      (20000 + rng.next() * 180000).toFixed(2),
      ((rng.next() - 0.3) * 10000).toFixed(2),
      rng.next().toFixed(4),
      String(rng.int(120)),
      String(rng.int(1000)),
      (rng.next() * 5000).toFixed(1),
      (rng.next() * 2).toFixed(5),
      (rng.next() * 40 - 10).toFixed(1),
      (30 + rng.next() * 15).toFixed(6),
      (-120 + rng.next() * 40).toFixed(6),
      String(rng.int(100000)),
      pick(CITIES),
      pick(PRODUCTS),
      pick(SEGMENTS),
      pick(CODES),
      rng.next() < 0.5 ? "true" : "false",
      new Date(day0 + rng.int(3650) * 86_400_000).toISOString().slice(0, 10),
      rng.next() < 0.1 ? "" : (1 + rng.next() * 4).toFixed(2),
    ];
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
