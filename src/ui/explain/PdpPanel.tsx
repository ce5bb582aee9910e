import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import type { ExplainSetup, ExplainSource } from "../../../workers/computeApi.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { CallProgress } from "../evaluate/CallProgress.tsx";
import { createWorkerCall } from "../evaluate/createWorkerCall.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import type { ExplainClient } from "./explainClient.ts";
import { pdpSpec } from "./pdpSpec.ts";
import { scaleLabel } from "./waterfallSteps.ts";

const VARIED = new Set(["numeric", "datetime", "boolean", "categorical"]);

/**
 * Partial dependence with ICE lines for one input column at a time: how the prediction moves as
 * that column alone changes, for 50 sampled training rows and on average. Computed in the worker
 * on demand, with progress and Cancel.
 */
export function PdpPanel(props: { client: ExplainClient; source: ExplainSource; setup: ExplainSetup }) {
  const columns = createMemo(() => props.setup.columns.filter((c) => VARIED.has(c.kind)));
  const [column, setColumn] = createSignal(columns()[0]?.name ?? "");
  const classes = () => props.setup.classes ?? [];
  const [cls, setCls] = createSignal<string | null>(
    props.setup.task === "multiclass" ? classes()[0] : props.setup.task === "binary" ? classes()[1] : null,
  );
  const key = () => `pdp:${props.source.runId}:${props.source.model}:${column()}:${cls() ?? ""}`;
  const [call, actions] = createWorkerCall(key, (opts) =>
    props.client.partialDependence(props.source, column(), cls(), opts),
  );
  const shown = () => (call.status === "done" && call.result?.column === column() ? call.result : null);
  const kind = (name: string) => props.setup.columns.find((c) => c.name === name)?.kind;
  return (
    <section class="eval-section" aria-labelledby="pdp-heading" data-testid="pdp-panel">
      <h4 id="pdp-heading">How the prediction moves with one column</h4>
      <div class="pdp-controls">
        <div class="field">
          <label for="pdp-column">Column</label>
          <select
            id="pdp-column"
            data-testid="pdp-column"
            value={column()}
            onChange={(e) => setColumn(e.currentTarget.value)}
          >
            <For each={columns()}>{(c) => <option value={c.name}>{c.name}</option>}</For>
          </select>
        </div>
        <Show when={props.setup.task === "multiclass"}>
          <div class="field">
            <label for="pdp-class">Probability of</label>
            <select
              id="pdp-class"
              data-testid="pdp-class"
              value={cls() ?? ""}
              onChange={(e) => setCls(e.currentTarget.value)}
            >
              <For each={classes()}>{(c) => <option value={c}>{c}</option>}</For>
            </select>
          </div>
        </Show>
        <button
          type="button"
          data-testid="compute-pdp"
          disabled={call.status === "running" || column() === ""}
          onClick={() => void actions.run()}
        >
          Draw partial dependence
        </button>
      </div>
      <Switch>
        <Match when={call.status === "running"}>
          <CallProgress
            progress={call.progress}
            label="Partial dependence progress"
            onCancel={actions.cancel}
          />
        </Match>
        <Match when={shown()}>
          {(pd) => (
            <PlotFigure
              kind="pdp"
              caption={`Partial dependence (thick) and ${pd().ice.length} rows' ICE lines (thin) of the ${scaleLabel(pd().output, pd().class, props.setup.target)} on ${pd().column}`}
              spec={(width) =>
                pdpSpec(pd(), {
                  scale: scaleLabel(pd().output, pd().class, props.setup.target),
                  dates: kind(pd().column) === "datetime",
                  width,
                })
              }
            />
          )}
        </Match>
        <Match when={true}>
          <p class="hint">
            Each thin line is one training row with only this column changed; the thick line is their average
            (the partial dependence).
          </p>
        </Match>
      </Switch>
      <ErrorAlert message={call.error} />
    </section>
  );
}
