import { createMemo, For } from "solid-js";
import { formatNumber } from "../charts/formatNumber.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { waterfallSpec } from "./waterfallSpec.ts";
import { type OutputScale, scaleLabel, signed, waterfallSteps } from "./waterfallSteps.ts";
import "./explain.css";

/** An explanation as the waterfall draws it: core's shape, from either worker. */
export interface WaterfallData {
  output: OutputScale;
  method: string;
  class: string | null;
  base: number;
  value: number;
  columns: string[];
  contributions: number[];
}

const METHODS: Record<string, string> = {
  tree: "exact (TreeSHAP)",
  linear: "exact (linear)",
  sampling: "estimated (sampled Shapley values)",
};

/**
 * One row's explanation: a sentence naming the base value, the output and its scale, the
 * waterfall chart, and every contribution in a table for reading and for screen readers.
 */
export function WaterfallView(props: {
  data: WaterfallData;
  target: string;
  /** What the base value stands for ("the training data", "a typical row"). */
  against: string;
  /** Each column's value in the row, as text, shown beside its name. */
  values?: Record<string, string>;
  testId?: string;
}) {
  const scale = () => scaleLabel(props.data.output, props.data.class, props.target);
  const w = createMemo(() => waterfallSteps(props.data.columns, props.data.contributions, props.data.base));
  const all = createMemo(() =>
    props.data.columns
      .map((column, i) => ({ column, c: props.data.contributions[i] }))
      .sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || a.column.localeCompare(b.column)),
  );
  return (
    <div class="waterfall" data-testid={props.testId ?? "waterfall"} data-scale={props.data.output}>
      <p class="waterfall-summary">
        Base value <strong data-testid="waterfall-base">{formatNumber(props.data.base)}</strong> (
        {props.against}) → output{" "}
        <strong data-testid="waterfall-output">{formatNumber(props.data.value)}</strong>, in{" "}
        <span data-testid="waterfall-scale">{scale()}</span>; contributions{" "}
        {METHODS[props.data.method] ?? props.data.method}.
      </p>
      <PlotFigure
        kind="waterfall"
        spec={(width) => waterfallSpec(w(), { scale: scale(), values: props.values, width })}
      />
      <details class="waterfall-table">
        <summary>Every column's contribution</summary>
        <table data-testid="contribution-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col" class="num">
                Contribution
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={all()}>
              {(d) => (
                <tr data-column={d.column}>
                  <th scope="row">{d.column}</th>
                  <td>{props.values?.[d.column] ?? ""}</td>
                  <td class="num">{signed(d.c)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </div>
  );
}
