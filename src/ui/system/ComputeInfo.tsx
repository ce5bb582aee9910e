import { createSignal, For, Show } from "solid-js";
import type { BackendReport } from "../../../workers/computeApi.ts";
import { probeBackends } from "../bridges/computeClient.ts";

/**
 * Measures this device's tfjs backends on demand and shows which one training will use.
 * Measured, not guessed from names: a software WebGPU adapter is far slower than WASM.
 */
export function ComputeInfo() {
  const [report, setReport] = createSignal<BackendReport>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await probeBackends());
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="compute-info" aria-labelledby="compute-title" data-testid="compute-info">
      <h2 id="compute-title">Compute on this device</h2>
      <p>Models train in your browser. Measure which engine is fastest here before a long run.</p>
      <button type="button" onClick={run} disabled={busy()} data-testid="probe-backends">
        {busy() ? "Measuring…" : "Measure backends"}
      </button>
      <Show when={error()}>
        <p role="alert">{error()}</p>
      </Show>
      <Show when={report()}>
        {(r) => (
          <table class="compute-table">
            <caption>
              Training will use <strong data-testid="chosen-backend">{r().chosen}</strong>
            </caption>
            <thead>
              <tr>
                <th scope="col">Backend</th>
                <th scope="col">Time per step</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().measures}>
                {(m) => (
                  <tr data-testid="backend-row" data-backend={m.backend}>
                    <th scope="row">{m.backend}</th>
                    <td>{m.msPerStep === null ? "unavailable" : `${m.msPerStep.toFixed(1)} ms`}</td>
                    <td>{m.note}</td>
                  </tr>
                )}
              </For>
              <tr data-testid="backend-row" data-backend="dense">
                <th scope="row">neural net's own kernels</th>
                <td>{`${r().dense.msPerStep.toFixed(1)} ms`}</td>
                <td>
                  {r().dense.kind === "wasm" ? "WebAssembly SIMD" : "JavaScript"}: the net trains with these
                  on a CPU backend; a GPU backend is chosen only where it is faster
                </td>
              </tr>
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
}
