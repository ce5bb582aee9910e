import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { type BoundaryData, prepareBoundaryData } from "../../src/core/automl/boundary/boundaryData.ts";
import { fitBoundary } from "../../src/core/automl/boundary/fitBoundary.ts";
import { planLadder } from "../../src/core/automl/ladder/ladderPlan.ts";
import { readCsvText } from "../../src/core/data/readCsv.ts";
import { modelsForTask } from "../../src/core/models/registry.ts";
import { makeRng } from "../../src/core/random.ts";
import { type BenchRow, fixed } from "./table.ts";

/**
 * One playground update (fit on two columns + 100 x 100 grid + train and validation scores), per
 * model at its starting slider values, on seeded 1,000- and 5,000-row tables: three classes in
 * overlapping blobs, and a smooth regression surface, each beside two noise columns. The rows are
 * prepared once (as the worker keeps them), so a figure is what a slider move costs in the worker.
 * Median of 5 after a warm-up; the MLP on tfjs's WASM backend, as the worker uses it.
 */
const SIZES = [1000, 5000];
const REPEATS = 5;
const GOAL_MS = 300;

function csv(rows: number, task: "classes" | "values", seed: number): string {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const lines = ["a,b,noise1,noise2,target"];
  for (let i = 0; i < rows; i++) {
    const c = rng.int(3);
    const a = task === "classes" ? 2 * Math.cos((2 * Math.PI * c) / 3) + normal() : rng.next() * 6 - 3;
    const b = task === "classes" ? 2 * Math.sin((2 * Math.PI * c) / 3) + normal() : rng.next() * 6 - 3;
    const t = task === "classes" ? `k${c}` : (Math.sin(a) * 3 + b * b + 0.3 * normal()).toFixed(4);
    lines.push(`${a.toFixed(4)},${b.toFixed(4)},${normal().toFixed(4)},${rng.next().toFixed(4)},${t}`);
  }
  return `${lines.join("\n")}\n`;
}

async function prepared(rows: number, task: "classes" | "values"): Promise<BoundaryData> {
  const { frame } = await readCsvText(csv(rows, task, rows));
  return prepareBoundaryData(frame, planLadder(frame, { target: "target", seed: 0 }), { maxRows: rows });
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

export async function benchBoundary(): Promise<BenchRow[]> {
  await tf.setBackend("wasm");
  await tf.ready();
  const out: BenchRow[] = [];
  for (const task of ["classes", "values"] as const) {
    for (const rows of SIZES) {
      const data = await prepared(rows, task);
      for (const spec of modelsForTask(data.task)) {
        const req = { model: spec.id, x: "a", y: "b" };
        await fitBoundary(data, req); // warm-up: JIT, tfjs kernels
        const times: number[] = [];
        const fits: number[] = [];
        let last = await fitBoundary(data, req);
        // CPU time too: on a shared, loaded machine wall time overstates the cost.
        const c0 = process.cpuUsage();
        for (let i = 0; i < REPEATS; i++) {
          const t0 = performance.now();
          last = await fitBoundary(data, req);
          times.push(performance.now() - t0);
          fits.push(last.fitMs);
        }
        const used = process.cpuUsage(c0);
        const cpuMs = (used.user + used.system) / 1000 / REPEATS;
        const ms = median(times);
        out.push({
          measure: `${task === "classes" ? "3 classes" : "regression"} · ${rows} rows · ${spec.id}`,
          value: fixed(ms, 0),
          unit: "ms",
          note: `cpu ${fixed(cpuMs, 0)} ms · fit ${fixed(median(fits), 0)} ms · validation ${last.validScore.toPrecision(3)} (${data.metric})${cpuMs > GOAL_MS ? ` · over the ${GOAL_MS} ms goal` : ""}`,
        });
      }
    }
  }
  return out;
}
