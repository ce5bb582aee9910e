import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-webgpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import wasmPlain from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreaded from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { timeDenseStep } from "../src/core/models/mlp/timeDenseStep.ts";
import { chooseBackend } from "./chooseBackend.ts";
import type { BackendMeasure, BackendReport } from "./computeApi.ts";

// The .wasm files are emitted by Vite (and precached by the service worker), never fetched from a CDN.
setWasmPaths({
  "tfjs-backend-wasm.wasm": wasmPlain,
  "tfjs-backend-wasm-simd.wasm": wasmSimd,
  "tfjs-backend-wasm-threaded-simd.wasm": wasmThreaded,
});

type BackendName = BackendMeasure["backend"];
const ORDER: BackendName[] = ["webgpu", "webgl", "wasm", "cpu"];

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
}

/** A real (hardware) WebGPU adapter; a software one is 30x slower than WASM here (DESIGN.md). */
async function webgpuAdapter(): Promise<{ ok: boolean; note: string }> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return { ok: false, note: "no WebGPU in this browser" };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { ok: false, note: "no WebGPU adapter" };
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  return { ok: true, note: fallback ? "software adapter" : "hardware adapter" };
}

/** Times a training-like step: a 256-wide dense layer's forward and backward pass on 512 rows. */
async function timeSteps(steps: number): Promise<number> {
  const x = tf.randomNormal([512, 64], 0, 1, "float32", 1);
  const w = tf.variable(tf.randomNormal([64, 256], 0, 0.1, "float32", 2));
  const opt = tf.train.adam(0.01);
  const step = () => opt.minimize(() => tf.mean(tf.square(tf.relu(tf.matMul(x, w)))), true);
  (await step()?.data()) ?? (await tf.ready());
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    const loss = step();
    if (i === steps - 1) await loss?.data();
    loss?.dispose();
  }
  const ms = (performance.now() - t0) / steps;
  tf.dispose([x, w]);
  opt.dispose();
  return ms;
}

async function measure(backend: BackendName): Promise<BackendMeasure> {
  let note = "";
  if (backend === "webgpu") {
    const gpu = await webgpuAdapter();
    if (!gpu.ok) return { backend, available: false, msPerStep: null, note: gpu.note };
    note = gpu.note;
  }
  try {
    if (!(await tf.setBackend(backend)))
      return { backend, available: false, msPerStep: null, note: "failed to start" };
    await tf.ready();
    const ms = await timeSteps(backend === "webgpu" && note === "software adapter" ? 2 : 8);
    return { backend, available: true, msPerStep: ms, note };
  } catch (err) {
    return { backend, available: false, msPerStep: null, note: (err as Error).message.slice(0, 120) };
  }
}

export async function probeBackends(): Promise<BackendReport> {
  const measures: BackendMeasure[] = [];
  for (const b of ORDER) measures.push(await measure(b));
  const timed = timeDenseStep(8);
  const dense = { msPerStep: timed.ms, kind: timed.kind };
  const chosen = chooseBackend(measures, dense.msPerStep);
  await tf.setBackend(chosen);
  return { measures, chosen, dense };
}
