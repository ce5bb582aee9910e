/** One backend's result from the probe. */
export interface BackendMeasure {
  backend: "webgpu" | "webgl" | "wasm" | "cpu";
  available: boolean;
  /** Milliseconds per step of the probe workload (a dense layer's forward and backward pass). */
  msPerStep: number | null;
  /** Why it is unavailable or set aside, in words ("software adapter", "no WebGL in workers"). */
  note: string;
}

export interface BackendReport {
  measures: BackendMeasure[];
  /** The backend training will use: the fastest available one, never a software WebGPU adapter. */
  chosen: BackendMeasure["backend"];
}

export interface ComputeWorkerApi {
  /** Measures every tfjs backend this device offers on the same small workload. */
  probeBackends(): Promise<BackendReport>;
}
