import type { Column, Frame } from "../../src/core/data/frame.ts";
import { profileFrame } from "../../src/core/profile/profileFrame.ts";
import { makeRng } from "../../src/core/random.ts";

const ROWS = 1_000_000;

/**
 * A seeded 1,000,000 x 20 frame built directly (no CSV): 10 numeric columns (normal, skewed,
 * integer counts, with missing values), 5 categorical (3 to 200 levels), 3 boolean, 2 datetime.
 */
export function makeBenchFrame(rows = ROWS, seed = 1): Frame {
  const rng = makeRng(seed);
  const normal = () => {
    const u = 1 - rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  };
  const columns: Column[] = [];
  const float = (name: string, kind: Column["kind"], f: (i: number) => number): void => {
    const values = new Float64Array(rows);
    let missing = 0;
    for (let i = 0; i < rows; i++) {
      values[i] = f(i);
      if (Number.isNaN(values[i])) missing++;
    }
    columns.push({ name, kind, role: "feature", data: { type: "float", values }, missing, unique: 0 });
  };
  for (let k = 0; k < 10; k++) {
    if (k % 3 === 0) float(`num_${k}`, "numeric", () => 50 + 10 * normal());
    else if (k % 3 === 1)
      float(`num_${k}`, "numeric", () => (rng.next() < 0.05 ? Number.NaN : Math.exp(normal())));
    else float(`num_${k}`, "numeric", () => Math.floor(-Math.log(1 - rng.next()) * 3));
  }
  for (let k = 0; k < 5; k++) {
    const levelCount = [3, 10, 26, 50, 200][k];
    const levels = Array.from({ length: levelCount }, (_, j) => `level_${j}`);
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++)
      codes[i] = rng.next() < 0.02 ? -1 : Math.floor(levelCount * rng.next() ** 2);
    columns.push({
      name: `cat_${k}`,
      kind: "categorical",
      role: "feature",
      data: { type: "dict", codes, levels },
      missing: 0,
      unique: levelCount,
    });
  }
  for (let k = 0; k < 3; k++) float(`bool_${k}`, "boolean", () => (rng.next() < 0.3 ? 1 : 0));
  const start = Date.UTC(2015, 0, 1);
  float("date_0", "datetime", () => start + Math.floor(rng.next() * 5 * 365) * 86_400_000);
  float("time_0", "datetime", () => start + rng.next() * 60 * 86_400_000);
  return { rows, columns };
}

/** Times profileFrame on the synthetic frame, without and with a target. */
export async function benchProfile(): Promise<Record<string, string | number>> {
  const t0 = performance.now();
  const frame = makeBenchFrame();
  const built = performance.now() - t0;
  const t1 = performance.now();
  const plain = profileFrame(frame, { seed: 0 });
  const explore = performance.now() - t1;
  const t2 = performance.now();
  const framed = profileFrame(frame, { seed: 0, target: "cat_1" });
  const withTarget = performance.now() - t2;
  return {
    rows: frame.rows,
    columns: frame.columns.length,
    build_ms: Math.round(built),
    profile_ms: Math.round(explore),
    profile_with_target_ms: Math.round(withTarget),
    alerts: plain.alerts.length,
    task: framed.task ?? "none",
  };
}
