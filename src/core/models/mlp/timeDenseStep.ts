import { makeRng } from "../../random.ts";
import { denseKernels } from "../../wasm/denseKernels.ts";

/**
 * Milliseconds per step of the typed-array trainer's kernels on the tfjs backend probe's step
 * (workers/backends.ts: a 512 x 64 batch through a 64 -> 256 relu layer, loss mean(h²), forward,
 * backward and Adam), so that a GPU backend is picked for the MLP only where it beats them.
 */
export function timeDenseStep(steps: number): { ms: number; kind: "wasm" | "js" } {
  const [rows, inputs, units] = [512, 64, 256];
  const at = { x: 0, w: rows * inputs, z: 0, h: 0, gw: 0, m: 0, v: 0 };
  at.z = at.w + inputs * units;
  at.h = at.z + rows * units;
  at.gw = at.h + rows * units;
  at.m = at.gw + inputs * units;
  at.v = at.m + inputs * units;
  const k = denseKernels(at.v + inputs * units);
  const rng = makeRng(1);
  for (let i = 0; i < at.z; i++) k.heap[i] = (rng.next() - 0.5) * (i < at.w ? 2 : 0.2);
  const size = rows * units;
  const step = (t: number) => {
    k.gemmNN(at.x, at.w, at.z, rows, units, inputs, 0, 0, 0);
    k.relu(at.z, at.h, -1, size);
    // d mean(h²) / dh = 2 h / size, through the relu, into the weights.
    for (let i = 0; i < size; i++) k.heap[at.h + i] *= 2 / size;
    k.reluGrad(at.h, at.z, -1, size);
    k.gemmTN(at.x, at.h, at.gw, inputs, units, rows, 0, 0, 0);
    k.adam(at.w, at.gw, at.m, at.v, inputs * units, 0.01, 0.9, 0.999, 1 - 0.9 ** t, 1 - 0.999 ** t, 1e-7);
  };
  step(1);
  const t0 = performance.now();
  for (let t = 0; t < steps; t++) step(t + 2);
  return { ms: (performance.now() - t0) / steps, kind: k.kind };
}
