import { createMemo, Show } from "solid-js";
import type { DriftOverride } from "../../core/monitor/columnDrift.ts";
import type { ReferenceSketches } from "../../core/monitor/sketch.ts";
import type { MonitorBatchRecord } from "../../persist/monitorBatches.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { ColumnTable } from "./ColumnTable.tsx";
import { driftVerdict, estimateText, performanceText, predictionVerdict } from "./monitorText.ts";
import { distributionSpec } from "./specs/distributionSpec.ts";

/**
 * One batch's report: the dataset-drift verdict, the predictions' drift, the real performance
 * (labels) or CBPE's estimate with its assumptions, the per-column table and one column's
 * distributions drawn over the reference's.
 */
export function BatchReport(props: {
  batch: MonitorBatchRecord;
  reference: ReferenceSketches | null;
  drill: string | null;
  busy: boolean;
  onOverride: (column: string, override: DriftOverride | null) => void;
  onDrill: (column: string | null) => void;
}) {
  const r = () => props.batch.report;
  const drillSpec = createMemo(() => {
    const name = props.drill;
    const ref = props.reference?.columns.find((c) => c.name === name);
    const cur = r().batch_sketches?.columns.find((c) => c.name === name);
    return name && ref && cur ? distributionSpec(name, ref.sketch, cur.sketch) : null;
  });
  return (
    <section
      class="monitor-report"
      aria-labelledby="batch-heading"
      data-testid="batch-report"
      data-batch={props.batch.number}
    >
      <h3 id="batch-heading">
        Batch #{props.batch.number}: {props.batch.name}
      </h3>
      <p class="hint">
        {r().rows} rows against {r().reference_rows} training rows.{" "}
        {props.batch.keptRows > 0
          ? `Its ${props.batch.keptRows} rows are kept for retraining.`
          : "Only its sketches and results are kept, not its rows."}
      </p>
      <ul class="monitor-verdicts">
        <li
          data-testid="dataset-drift"
          data-drift={String(r().dataset_drift)}
          classList={{ warn: r().dataset_drift }}
        >
          {driftVerdict(r())}
        </li>
        <li data-testid="prediction-drift" data-drift={String(r().prediction.drift)}>
          {predictionVerdict(r())}
        </li>
        <Show when={performanceText(r())}>{(text) => <li data-testid="performance">{text()}</li>}</Show>
        <Show when={estimateText(r())}>
          {(text) => (
            <li data-testid="estimated-performance">
              {text()}
              <p class="hint monitor-assumptions" data-testid="cbpe-assumptions">
                Assumptions: {r().estimated_performance?.method}
              </p>
            </li>
          )}
        </Show>
        <Show when={!r().performance && !r().estimated_performance}>
          <li>This batch has no labels and a regression model's error cannot be estimated without them.</li>
        </Show>
      </ul>
      <ColumnTable
        columns={r().columns}
        overrides={props.batch.overrides}
        drill={props.drill}
        busy={props.busy}
        onOverride={props.onOverride}
        onDrill={(c) => props.onDrill(props.drill === c ? null : c)}
      />
      <p class="hint">
        Tests as Evidently chooses them: up to 1,000 training values, Kolmogorov-Smirnov for numbers,
        chi-squared or a z-test for categories (drift when p &lt; 0.05); beyond, distances (normed
        Wasserstein, Jensen-Shannon; drift when ≥ 0.1). Change a column's test or threshold to test this batch
        again{props.batch.keptRows > 0 ? "" : " (from its stored sketch: exact up to 1,000 rows)"}; later
        batches keep your choice.
      </p>
      <Show when={drillSpec()}>
        {(spec) => (
          <div data-testid="column-drill">
            <PlotFigure
              spec={spec()}
              kind="drift-distribution"
              note="reference (grey) and batch (blue), from their sketches"
            />
            <button type="button" class="button-quiet" onClick={() => props.onDrill(null)}>
              Close the distributions
            </button>
          </div>
        )}
      </Show>
    </section>
  );
}
