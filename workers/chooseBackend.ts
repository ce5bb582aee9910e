import type { BackendMeasure } from "./computeApi.ts";

type BackendName = BackendMeasure["backend"];

const GPU_BACKENDS = new Set<BackendName>(["webgpu", "webgl"]);

/**
 * Fastest measured backend, leaving out a software WebGPU adapter. On a CPU backend the neural net
 * trains with its typed-array kernels, not tfjs, so a GPU backend is chosen only where its step
 * beats those kernels' step (`denseMs`, same workload), not merely tfjs' own CPU backends.
 */
export function chooseBackend(measures: BackendMeasure[], denseMs = Number.POSITIVE_INFINITY): BackendName {
  const usable = measures.filter((m) => m.available && m.msPerStep !== null && m.note !== "software adapter");
  usable.sort((a, b) => (a.msPerStep ?? 0) - (b.msPerStep ?? 0));
  const cpu = usable.find((m) => !GPU_BACKENDS.has(m.backend))?.backend ?? "cpu";
  const best = usable[0];
  if (!best) return "cpu";
  return GPU_BACKENDS.has(best.backend) && (best.msPerStep ?? 0) >= denseMs ? cpu : best.backend;
}
