import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LeaderboardEntry } from "../../../../../src/core/automl/ladder/leaderboard.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { readCsvText } from "../../../../../src/core/data/readCsv.ts";
import { makeRng } from "../../../../../src/core/random.ts";
import { frameOf } from "../../prep/helpers.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "..", "fixtures");

/** A CSV fixture read with the app's reader. */
export async function fixtureFrame(name: string): Promise<Frame> {
  return (await readCsvText(readFileSync(join(FIXTURES, name), "utf8"))).frame;
}

/** An entry without its timing, the one field a rerun may change. */
export function untimed(e: LeaderboardEntry) {
  const { fit_seconds: _, ...rest } = e;
  return rest;
}

/**
 * Seeded binary data where only "signal" decides the label (y = yes when signal + noise > 0),
 * next to two numeric noise columns and a categorical noise column; "reading" has some missing values.
 */
export function signalFrame(n = 300, seed = 7): Frame {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const signal = Array.from({ length: n }, normal);
  return frameOf({
    signal,
    noise_a: Array.from({ length: n }, normal),
    reading: Array.from({ length: n }, () => (rng.next() < 0.05 ? null : 10 + normal())),
    colour: Array.from({ length: n }, () => ["red", "green", "blue"][rng.int(3)]),
    label: signal.map((s) => (s + 0.3 * normal() > 0 ? "yes" : "no")),
  });
}

/** Seeded regression data: y = 3 a - 2 b + noise, with a date column in file order. */
export function regressionFrame(n = 200, seed = 3): Frame {
  const rng = makeRng(seed);
  const a = Array.from({ length: n }, () => rng.next() * 4);
  const b = Array.from({ length: n }, () => rng.next() * 2);
  return frameOf({
    day: {
      kind: "datetime",
      values: Array.from({ length: n }, (_, i) => Date.UTC(2021, 0, 1 + Math.floor(i / 2))),
    },
    a,
    b,
    y: a.map((x, i) => 3 * x - 2 * b[i] + 0.1 * (rng.next() - 0.5)),
  });
}
