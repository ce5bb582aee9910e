import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import type { BatchResult } from "../../../workers/predictApi.ts";
import type { Progress } from "../../core/progress.ts";
import type { PredictClient } from "../bridges/predictClient.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";
import { FileDrop } from "../shared/FileDrop.tsx";
import { formatInt, plural } from "../shared/format.ts";
import { batchNotes, predictionsFileName, scoreProgressText } from "./deployState.ts";
import { downloadBlob } from "./downloadBlob.ts";

/**
 * A whole CSV scored in the predictor worker: read and scored in chunks with a progress bar and a
 * cancel, then a preview of the first rows, what was odd about the file, and the download.
 */
export function BatchScore(props: { versionId: string; client: PredictClient }) {
  const [progress, setProgress] = createSignal<Progress | null>(null);
  const [running, setRunning] = createSignal<AbortController | null>(null);
  const [result, setResult] = createSignal<(BatchResult & { name: string }) | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  createEffect(
    on(
      () => props.versionId,
      () => {
        running()?.abort();
        setResult(null);
        setError(null);
      },
    ),
  );
  onCleanup(() => running()?.abort());

  const score = async (file: File) => {
    const controller = new AbortController();
    setRunning(controller);
    setProgress(null);
    setResult(null);
    setError(null);
    try {
      const r = await props.client.scoreCsv(props.versionId, file, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      setResult({ ...r, name: file.name });
    } catch (err) {
      if (!isAbortError(err)) setError(errorMessage(err));
    } finally {
      if (running() === controller) setRunning(null);
    }
  };
  const share = () => {
    const p = progress();
    return p && p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  };

  return (
    <section class="batch-score" aria-labelledby="batch-heading">
      <h3 id="batch-heading">Score a CSV file</h3>
      <FileDrop
        compact
        lead="Drop a CSV file to score, or"
        hint="Columns may come in any order; extra ones are ignored. Read and scored on this device."
        accept=".csv,.tsv,.txt,text/csv"
        testId="score-drop"
        disabled={running() !== null}
        onFile={(f) => void score(f)}
      />
      <Show when={running()}>
        {(controller) => (
          <div class="run-progress" data-testid="score-progress">
            <progress max="1" value={share()} aria-label="Scoring progress" />
            <span class="status-line" data-testid="score-status">
              {scoreProgressText(progress())}
            </span>
            <button
              type="button"
              class="button-quiet"
              data-testid="cancel-score"
              onClick={() => controller().abort()}
            >
              Cancel
            </button>
          </div>
        )}
      </Show>
      <ErrorAlert message={error()} onDismiss={() => setError(null)} />
      <Show when={result()}>
        {(r) => (
          <div class="batch-result" data-testid="score-result">
            <p class="ok-line" data-testid="score-summary">
              Scored {formatInt(r().scored)} of {plural(r().rows, "row")} of {r().name}.
            </p>
            <ul class="batch-notes" data-testid="score-notes">
              <For each={batchNotes(r())}>{(note) => <li>{note}</li>}</For>
            </ul>
            <button
              type="button"
              class="button-primary"
              data-testid="download-predictions"
              onClick={() => downloadBlob(r().output, predictionsFileName(r().name))}
            >
              Download predictions
            </button>
            <section class="table-scroll preview-scroll" tabindex="0" aria-label="First scored rows">
              <table class="preview" data-testid="score-preview">
                <caption class="visually-hidden">The first scored rows</caption>
                <thead>
                  <tr>
                    <For each={r().header}>{(h) => <th scope="col">{h}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().preview}>
                    {(row) => (
                      <tr>
                        <For each={row}>
                          {(cell) => <td classList={{ missing: cell === null }}>{cell ?? ""}</td>}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
          </div>
        )}
      </Show>
    </section>
  );
}
